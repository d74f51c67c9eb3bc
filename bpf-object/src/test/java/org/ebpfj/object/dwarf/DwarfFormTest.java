package org.ebpfj.object.dwarf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.ebpfj.object.elf.ElfFile;
import org.ebpfj.object.testing.TestObjects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The walks read most attributes with {@link DwarfForm#skip} or {@link DwarfForm#number} instead of
 * {@link DwarfForm#read}: on every DIE of every test object, each way moves past exactly the same bytes and agrees on
 * the value, and a fixed size (of a form, or in {@link FixedLayout} of an attribute or a whole DIE) is the size read.
 */
class DwarfFormTest {
    private static final long NOT_A_NUMBER = 0x5eed_5eedL;

    @ParameterizedTest
    @ValueSource(strings = {TestObjects.MAPS_VALID, TestObjects.MAPS_VALID_BPFEB, TestObjects.MAPS_VALID_DWARF4,
        TestObjects.MAPS_INVALID, TestObjects.MAPS_REJECTED, TestObjects.GLOBAL_DATA, TestObjects.LEGACY_MAPS,
        TestObjects.PROGRAMS, TestObjects.MULTI_CU, "bitfields.bpf.o", "shapes.bpf.o", "events.bpf.o"})
    void skippingAndReadingAsANumberAgreeWithReadingEveryAttribute(String object) throws Exception {
        ElfFile elf = ElfFile.read(TestObjects.bytes(object), object);
        DebugSections s = DebugSections.of(elf).orElseThrow();
        AbbreviationTables abbrevs = new AbbreviationTables(s.abbrev, new WorkBudget(Long.MAX_VALUE));
        Set<FormValue.Kind> kinds = new HashSet<>();
        int[] attributes = new int[1];
        DwarfCursor c = new DwarfCursor(s.info, 0);
        while (c.hasMore(s.info.length())) {
            DwarfUnit unit = DwarfUnit.readHeader(c, s, abbrevs);
            FixedLayout layout = unit.table.layout(unit.enc);
            unit.walkDies(c, (cursor, offset, a, depth) -> {
                long dieStart = cursor.position();
                boolean allFixed = true;
                for (int i = 0; i < a.count(); i++) {
                    int form = a.form(i);
                    long at = cursor.position();
                    FormValue read = DwarfForm.read(cursor, form, unit.enc, a.implicitConst(i));
                    long after = cursor.position();
                    kinds.add(read.kind());
                    attributes[0]++;

                    DwarfCursor skipped = new DwarfCursor(cursor.view(), at);
                    DwarfForm.skip(skipped, form, unit.enc);
                    assertThat(skipped.position()).as("skip of form 0x%x at %d", form, at).isEqualTo(after);

                    DwarfCursor number = new DwarfCursor(cursor.view(), at);
                    long n = DwarfForm.number(number, form, unit.enc, a.implicitConst(i), NOT_A_NUMBER);
                    assertThat(number.position()).as("number of form 0x%x at %d", form, at).isEqualTo(after);
                    assertThat(n).as("number of form 0x%x at %d", form, at)
                            .isEqualTo(read.kind() == FormValue.Kind.NUMBER ? read.number() : NOT_A_NUMBER);

                    int fixed = DwarfForm.fixedSize(form, unit.enc);
                    if (fixed >= 0) {
                        assertThat(after - at).as("fixed size of form 0x%x", form).isEqualTo(fixed);
                    }
                    assertThat(layout.attributeBytes(a, i)).as("layout of form 0x%x", form).isEqualTo(fixed);
                    allFixed &= fixed >= 0;
                }
                int die = layout.dieBytes(a);
                assertThat(die).as("layout of the DIE at %d", offset)
                        .isEqualTo(allFixed ? cursor.position() - dieStart : -1);
            });
            c.seek(unit.end);
        }
        assertThat(attributes[0]).isGreaterThan(100);
        assertThat(kinds).contains(FormValue.Kind.NUMBER, FormValue.Kind.UNIT_REF, FormValue.Kind.OTHER);
    }
}
