package org.ebpfj.object.cdump;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebpfj.object.btf.BtfBuilder;
import org.junit.jupiter.api.Test;

/** Sizes and offsets the header must reproduce: bitfields, packing, padding, anonymous members, enum sizes. */
class LayoutTest {
    private final BtfBuilder b = new BtfBuilder();
    private final int u8 = b.intType("unsigned char", 1, false);
    private final int u16 = b.intType("short unsigned int", 2, false);
    private final int u32 = b.intType("unsigned int", 4, false);
    private final int u64 = b.intType("long long unsigned int", 8, false);

    @Test
    void bitfieldsKeepTheirWidthsAndGapsBetweenThem() throws Exception {
        int s = b.struct("flags", 8);
        b.bitfield(s, "a", u32, 0, 1).bitfield(s, "b", u32, 1, 3)
                // bits 4..7 unused: the next bitfield starts at bit 8
                .bitfield(s, "c", u32, 8, 8)
                // a new 32-bit unit
                .bitfield(s, "d", u32, 32, 20)
                .member(s, "e", u8, 56);
        assertThat(Headers.body(b.read())).isEqualTo("struct flags {\n"
                + "\tunsigned int a: 1;\n"
                + "\tunsigned int b: 3;\n"
                + "\tchar: 4;\n"
                + "\tunsigned int c: 8;\n"
                + "\tint: 16;\n"
                + "\tunsigned int d: 20;\n"
                + "\tunsigned char e;\n"
                + "};\n\n");
    }

    @Test
    void membersOffTheirAlignmentMakeAPackedStruct() throws Exception {
        int s = b.struct("hdr", 7);
        b.member(s, "type", u8, 0).member(s, "len", u16, 8).member(s, "id", u32, 24);
        assertThat(Headers.body(b.read())).isEqualTo("struct hdr {\n"
                + "\tunsigned char type;\n"
                + "\tshort unsigned int len;\n"
                + "\tunsigned int id;\n"
                + "} __attribute__((packed));\n\n");
    }

    @Test
    void aSizeThatIsNoMultipleOfTheAlignmentMakesAPackedStruct() throws Exception {
        int s = b.struct("tail", 12);
        b.member(s, "v", u64, 0).member(s, "w", u32, 64);
        assertThat(Headers.body(b.read())).isEqualTo("struct tail {\n"
                + "\tlong long unsigned int v;\n"
                + "\tunsigned int w;\n"
                + "} __attribute__((packed));\n\n");
    }

    @Test
    void explicitlyAlignedMembersAndTailGetPadding() throws Exception {
        // struct { u32 a; u32 b __aligned(16); } __aligned(64): b at 16, size 64.
        int s = b.struct("aligned", 64);
        b.member(s, "a", u32, 0).member(s, "b", u32, 128);
        assertThat(Headers.body(b.read())).isEqualTo("struct aligned {\n"
                // a long bitfield cannot straddle a long boundary: "long: 64" after bit 32 covers bits 64..127
                + "\tunsigned int a;\n"
                + "\tlong: 64;\n"
                + "\tunsigned int b;\n"
                + "\tlong: 64;\n"
                + "\tlong: 64;\n"
                + "\tlong: 64;\n"
                + "\tlong: 64;\n"
                + "\tlong: 64;\n"
                + "};\n\n");
    }

    @Test
    void anonymousMembersAreWrittenInline() throws Exception {
        int inner = b.struct("", 8);
        b.member(inner, "lo", u32, 0).member(inner, "hi", u32, 32);
        int union = b.union("", 8);
        b.member(union, "raw", u64, 0).member(union, "", inner, 0);
        int named = b.struct("", 4);
        b.member(named, "x", u32, 0);
        int s = b.struct("reg", 16);
        b.member(s, "", union, 0).member(s, "pos", named, 64);
        assertThat(Headers.body(b.read())).isEqualTo("struct reg {\n"
                + "\tunion {\n"
                + "\t\tlong long unsigned int raw;\n"
                + "\t\tstruct {\n"
                + "\t\t\tunsigned int lo;\n"
                + "\t\t\tunsigned int hi;\n"
                + "\t\t};\n"
                + "\t};\n"
                + "\tstruct {\n"
                + "\t\tunsigned int x;\n"
                + "\t} pos;\n"
                + "};\n\n");
    }

    @Test
    void aUnionBiggerThanItsMembersGetsPadding() throws Exception {
        // The kernel's release_pages_arg: BTF kept the union's size but none of its members.
        b.typedef("release_pages_arg", b.union("", 8));
        int wide = b.union("wide", 24);
        b.member(wide, "v", u32, 0);
        assertThat(Headers.body(b.read())).isEqualTo("typedef union {\n"
                + "\tlong: 64;\n"
                + "} release_pages_arg;\n\n"
                + "union wide {\n"
                + "\tunsigned int v;\n"
                + "\tstruct {\n"
                + "\t\tlong: 64;\n"
                + "\t\tlong: 64;\n"
                + "\t\tlong: 64;\n"
                + "\t};\n"
                + "};\n\n");
    }

    @Test
    void emptyStructStaysOnOneLine() throws Exception {
        b.struct("empty", 0);
        assertThat(Headers.body(b.read())).isEqualTo("struct empty {};\n\n");
    }

    @Test
    void enumsOfOtherSizesThanFourGetAModeAttribute() throws Exception {
        int small = b.enumType("rw_hint", 1, false);
        b.enumValue(small, "WRITE_LIFE_NOT_SET", 0).enumValue(small, "WRITE_LIFE_SHORT", 2);
        int half = b.enumType("half", 2, false);
        b.enumValue(half, "H_BIG", 300);
        int wordEnum = b.enumType("word", 8, false);
        b.enumValue(wordEnum, "W_ONE", 1);
        int big = b.enum64Type("big", 8, false);
        b.enumValue(big, "BIG_MAX", -1L);
        int small64 = b.enum64Type("small64", 8, true);
        b.enumValue(small64, "S_NEG", -5).enumValue(small64, "S_POS", 7);
        assertThat(Headers.body(b.read())).isEqualTo("enum rw_hint {\n"
                + "\tWRITE_LIFE_NOT_SET = 0,\n"
                + "\tWRITE_LIFE_SHORT = 2,\n"
                + "} __attribute__((mode(byte)));\n\n"
                + "enum half {\n"
                + "\tH_BIG = 300,\n"
                + "} __attribute__((mode(HI)));\n\n"
                + "enum word {\n"
                + "\tW_ONE = 1,\n"
                + "} __attribute__((mode(word)));\n\n"
                + "enum big {\n"
                + "\tBIG_MAX = 18446744073709551615ULL,\n"
                + "};\n\n"
                + "enum small64 {\n"
                + "\tS_NEG = -5LL,\n"
                + "\tS_POS = 7LL,\n"
                + "} __attribute__((mode(word)));\n\n");
    }

    @Test
    void signedEnumValuesAreWrittenSigned() throws Exception {
        int e = b.enumType("err", 4, true);
        b.enumValue(e, "E_FAIL", -1).enumValue(e, "E_OK", 0);
        int u = b.enumType("mask", 4, false);
        b.enumValue(u, "M_ALL", 0xffffffffL);
        assertThat(Headers.body(b.read())).isEqualTo("enum err {\n"
                + "\tE_FAIL = -1,\n"
                + "\tE_OK = 0,\n"
                + "};\n\n"
                + "enum mask {\n"
                + "\tM_ALL = 4294967295,\n"
                + "};\n\n");
    }

    @Test
    void anonymousEnumsAreInlineWhenUsedAndTopLevelOtherwise() throws Exception {
        int constants = b.enumType("", 4, false);
        b.enumValue(constants, "false", 0).enumValue(constants, "true", 1);
        int state = b.enumType("", 4, false);
        b.enumValue(state, "ST_IDLE", 0);
        int s = b.struct("task", 4);
        b.member(s, "state", state, 0);
        assertThat(Headers.body(b.read())).isEqualTo("enum {\n"
                + "\tfalse = 0,\n"
                + "\ttrue = 1,\n"
                + "};\n\n"
                + "struct task {\n"
                + "\tenum {\n"
                + "\t\tST_IDLE = 0,\n"
                + "\t} state;\n"
                + "};\n\n");
    }
}
