package org.ebpfj.object.btf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** BTF whose types lead back to themselves has no C meaning; the reader refuses it, as the kernel does. */
class BtfReaderLoopsTest {
    @Test
    void structContainingItselfThroughATypedefAndAnArray() {
        BtfBuilder b = new BtfBuilder();
        int s = b.struct("s", 8);
        int alias = b.typedef("s_t", s);
        b.member(s, "again", b.array(alias, 0, 1), 0);
        assertThatThrownBy(b::read).isInstanceOf(BtfFormatException.class)
                .hasMessageContaining("'s' contains itself");
    }

    @Test
    void pointerChainThatLoops() {
        BtfBuilder b = new BtfBuilder();
        int first = b.nextId();
        b.ptr(first + 1);
        b.constOf(first);
        assertThatThrownBy(b::read).isInstanceOf(BtfFormatException.class)
                .hasMessageContaining("loops back to itself");
    }

    @Test
    void structPointingToItselfIsFine() throws Exception {
        BtfBuilder b = new BtfBuilder();
        int s = b.struct("list", 8);
        b.member(s, "next", b.ptr(b.constOf(s)), 0);
        Btf btf = b.read();
        assertThat(btf.alignOf(s)).isEqualTo(8);
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        BtfBuilder b = new BtfBuilder();
        int i = b.intType("int", 4, true);
        int inner = b.struct("s0", 4);
        b.member(inner, "v", i, 0);
        for (int level = 1; level <= BtfReader.MAX_NESTING + 1; level++) {
            int outer = b.struct("s" + level, 4);
            b.member(outer, "in", inner, 0);
            inner = outer;
        }
        assertThatThrownBy(b::read).isInstanceOf(BtfFormatException.class).hasMessageContaining("nested deeper");
    }

    @Test
    void alignmentFollowsTheCompiler() throws Exception {
        BtfBuilder b = new BtfBuilder();
        int i128 = b.intType("__int128", 16, true);
        int c = b.intType("char", 1, true);
        int s = b.struct("wide", 32);
        b.member(s, "tag", c, 0).member(s, "v", i128, 128);
        int packed = b.struct("tight", 17);
        b.member(packed, "tag", c, 0).member(packed, "v", i128, 8);
        Btf btf = b.read();
        assertThat(btf.alignOf(i128)).isEqualTo(16);
        assertThat(btf.alignOf(s)).isEqualTo(16);
        assertThat(btf.alignOf(packed)).isEqualTo(1);
        assertThat(btf.isPacked((BtfType.Composite) btf.type(packed))).isTrue();
    }
}
