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
        assertThat(Headers.body(b.read())).isEqualTo("""
                struct flags {
                \tunsigned int a: 1;
                \tunsigned int b: 3;
                \tchar: 4;
                \tunsigned int c: 8;
                \tint: 16;
                \tunsigned int d: 20;
                \tunsigned char e;
                };

                """);
    }

    @Test
    void membersOffTheirAlignmentOrASizeThatIsNoMultipleOfItMakeAPackedStruct() throws Exception {
        int hdr = b.struct("hdr", 7);
        b.member(hdr, "type", u8, 0).member(hdr, "len", u16, 8).member(hdr, "id", u32, 24);
        int tail = b.struct("tail", 12);
        b.member(tail, "v", u64, 0).member(tail, "w", u32, 64);
        assertThat(Headers.body(b.read())).isEqualTo("""
                struct hdr {
                \tunsigned char type;
                \tshort unsigned int len;
                \tunsigned int id;
                } __attribute__((packed));

                struct tail {
                \tlong long unsigned int v;
                \tunsigned int w;
                } __attribute__((packed));

                """);
    }

    @Test
    void explicitlyAlignedMembersAndTailGetPadding() throws Exception {
        // struct { u32 a; u32 b __aligned(16); } __aligned(64): b at 16, size 64.
        int s = b.struct("aligned", 64);
        b.member(s, "a", u32, 0).member(s, "b", u32, 128);
        // a long bitfield cannot straddle a long boundary: "long: 64" after bit 32 covers bits 64..127
        assertThat(Headers.body(b.read())).isEqualTo("""
                struct aligned {
                \tunsigned int a;
                \tlong: 64;
                \tunsigned int b;
                \tlong: 64;
                \tlong: 64;
                \tlong: 64;
                \tlong: 64;
                \tlong: 64;
                };

                """);
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
        assertThat(Headers.body(b.read())).isEqualTo("""
                struct reg {
                \tunion {
                \t\tlong long unsigned int raw;
                \t\tstruct {
                \t\t\tunsigned int lo;
                \t\t\tunsigned int hi;
                \t\t};
                \t};
                \tstruct {
                \t\tunsigned int x;
                \t} pos;
                };

                """);
    }

    @Test
    void aUnionBiggerThanItsMembersGetsPadding() throws Exception {
        // The kernel's release_pages_arg: BTF kept the union's size but none of its members.
        b.typedef("release_pages_arg", b.union("", 8));
        int wide = b.union("wide", 24);
        b.member(wide, "v", u32, 0);
        assertThat(Headers.body(b.read())).isEqualTo("""
                typedef union {
                \tlong: 64;
                } release_pages_arg;

                union wide {
                \tunsigned int v;
                \tstruct {
                \t\tlong: 64;
                \t\tlong: 64;
                \t\tlong: 64;
                \t};
                };

                """);
    }

    @Test
    void emptyStructStaysOnOneLine() throws Exception {
        b.struct("empty", 0);
        assertThat(Headers.body(b.read())).isEqualTo("struct empty {};\n\n");
    }

    @Test
    void enumsOfOtherSizesThanFourGetAModeAttribute() throws Exception {
        b.enumType("rw_hint", 1, false, "WRITE_LIFE_NOT_SET=0", "WRITE_LIFE_SHORT=2");
        b.enumType("half", 2, false, "H_BIG=300");
        b.enumType("word", 8, false, "W_ONE=1");
        b.enum64Type("big", 8, false, "BIG_MAX=-1");
        b.enum64Type("small64", 8, true, "S_NEG=-5", "S_POS=7");
        assertThat(Headers.body(b.read())).isEqualTo("""
                enum rw_hint {
                \tWRITE_LIFE_NOT_SET = 0,
                \tWRITE_LIFE_SHORT = 2,
                } __attribute__((mode(byte)));

                enum half {
                \tH_BIG = 300,
                } __attribute__((mode(HI)));

                enum word {
                \tW_ONE = 1,
                } __attribute__((mode(word)));

                enum big {
                \tBIG_MAX = 18446744073709551615ULL,
                };

                enum small64 {
                \tS_NEG = -5LL,
                \tS_POS = 7LL,
                } __attribute__((mode(word)));

                """);
    }

    @Test
    void signedEnumValuesAreWrittenSigned() throws Exception {
        b.enumType("err", 4, true, "E_FAIL=-1", "E_OK=0");
        b.enumType("mask", 4, false, "M_ALL=4294967295");
        assertThat(Headers.body(b.read())).isEqualTo("""
                enum err {
                \tE_FAIL = -1,
                \tE_OK = 0,
                };

                enum mask {
                \tM_ALL = 4294967295,
                };

                """);
    }

    @Test
    void anonymousEnumsAreInlineWhenUsedAndTopLevelOtherwise() throws Exception {
        b.enumType("", 4, false, "false=0", "true=1");
        int state = b.enumType("", 4, false, "ST_IDLE=0");
        int s = b.struct("task", 4);
        b.member(s, "state", state, 0);
        assertThat(Headers.body(b.read())).isEqualTo("""
                enum {
                \tfalse = 0,
                \ttrue = 1,
                };

                struct task {
                \tenum {
                \t\tST_IDLE = 0,
                \t} state;
                };

                """);
    }
}
