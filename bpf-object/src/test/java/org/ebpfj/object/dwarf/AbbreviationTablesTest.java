package org.ebpfj.object.dwarf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;

import org.ebpfj.object.bytes.ByteView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Codes in the usual 1, 2, 3, ... order need no set; any other order must still catch a code defined twice. */
class AbbreviationTablesTest {
    /** A table of DW_TAG_variable abbreviations with these codes (each with no attributes), then its end. */
    private static ByteView table(String codes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String code : codes.split(" ")) {
            long c = Long.parseLong(code);
            do { // ULEB128
                int low = (int) (c & 0x7f);
                c >>>= 7;
                b.write(c != 0 ? low | 0x80 : low);
            } while (c != 0);
            b.write(0x34);
            b.write(0);
            b.write(0);
            b.write(0);
        }
        b.write(0);
        return ByteView.of(b.toByteArray(), ByteOrder.LITTLE_ENDIAN, ".debug_abbrev");
    }

    @ParameterizedTest
    @CsvSource({"1 2 3", "2 1 3", "1 3 2", "5", "1 2 70000 3", "70000 1"})
    void acceptsDistinctCodesInAnyOrder(String codes) throws Exception {
        AbbreviationTable t = new AbbreviationTables(table(codes), new WorkBudget(1 << 20)).at(0);
        for (String code : codes.split(" ")) {
            assertThat(t.get(Long.parseLong(code)).tag()).isEqualTo(0x34);
        }
    }

    @ParameterizedTest
    @CsvSource({"1 2 1, 1", "1 2 3 2, 2", "2 1 2, 2", "1 70000 70000, 70000", "3 3, 3"})
    void refusesACodeDefinedTwice(String codes, long twice) {
        assertThatThrownBy(() -> new AbbreviationTables(table(codes), new WorkBudget(1 << 20)).at(0))
                .isInstanceOf(DwarfFormatException.class)
                .hasMessageContaining("abbreviation code " + twice + " defined twice");
    }

    /**
     * A table's pairs share one array that grows as it is read: an abbreviation read before it grew, and implicit
     * constants that appear only after other pairs, still read back as written.
     */
    @Test
    void keepsEveryPairAndImplicitConstantAcrossGrowth() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int abbreviations = 40;
        for (int code = 1; code <= abbreviations; code++) {
            b.write(code);
            b.write(0x34);
            b.write(code % 2);
            for (int i = 0; i < code % 7; i++) {
                b.write(0x3b); // DW_AT_decl_line
                if (code > 20 && i == 1) {
                    b.write(DwarfForm.IMPLICIT_CONST);
                    b.write(code); // SLEB128 of a small positive value below 64
                } else if (code == 30 && i == 2) {
                    b.write(DwarfForm.IMPLICIT_CONST); // 2^35 as SLEB128: too wide for an int
                    b.writeBytes(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01});
                } else {
                    b.write(DwarfForm.DATA1);
                }
            }
            b.write(0);
            b.write(0);
        }
        b.write(0);
        AbbreviationTable t = new AbbreviationTables(ByteView.of(b.toByteArray(), ByteOrder.LITTLE_ENDIAN,
                ".debug_abbrev"), new WorkBudget(1 << 20)).at(0);
        for (int code = 1; code <= abbreviations; code++) {
            Abbreviation a = t.get(code);
            assertThat(a.code()).isEqualTo(code);
            assertThat(a.hasChildren()).isEqualTo(code % 2 == 1);
            assertThat(a.count()).isEqualTo(code % 7);
            for (int i = 0; i < a.count(); i++) {
                boolean implicit = code > 20 && i == 1;
                boolean wide = code == 30 && i == 2;
                assertThat(a.attribute(i)).isEqualTo(0x3b);
                assertThat(a.form(i)).isEqualTo(implicit || wide ? DwarfForm.IMPLICIT_CONST : DwarfForm.DATA1);
                assertThat(a.implicitConst(i)).as("code %d pair %d", code, i)
                        .isEqualTo(wide ? 1L << 35 : implicit ? code : 0);
            }
        }
    }
}
