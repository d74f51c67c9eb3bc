package org.ebpfj.object.cdump;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfBuilder;
import org.ebpfj.object.btf.BtfFormatException;
import org.ebpfj.object.btf.BtfReader;
import org.junit.jupiter.api.Test;

/**
 * BTF from a BPF object is untrusted input: whatever it holds, the writer produces a header or a
 * {@link BtfFormatException}, never an unchecked exception or a stack overflow.
 */
class HostileBtfTest {
    private final BtfBuilder b = new BtfBuilder();

    @Test
    void functionPointerWhoseParameterIsItself() throws Exception {
        int proto = b.nextId();
        b.funcProto(0);
        int ptr = b.ptr(proto);
        b.param(proto, "self", ptr);
        b.typedef("loop_fn", ptr);
        assertRefused("nested deeper");
    }

    @Test
    void variableUsedAsAMemberType() throws Exception {
        int i = b.intType("int", 4, true);
        int v = b.var("v", i);
        int s = b.struct("s", 8);
        b.member(s, "p", b.ptr(v), 0);
        assertRefused("VAR cannot be the type");
    }

    @Test
    void deeplyNestedAnonymousStructsBehindPointers() throws Exception {
        int inner = b.intType("int", 4, true);
        for (int level = 0; level < 5000; level++) {
            int s = b.struct("", 8);
            b.member(s, "p", b.ptr(inner), 0);
            inner = s;
        }
        b.typedef("deep_t", inner);
        assertRefused("nested deeper");
    }

    @Test
    void structClaimingGigabytesOfPadding() throws Exception {
        int s = b.struct("huge", 0xfffffff0);
        b.member(s, "v", b.intType("int", 4, true), 0);
        assertRefused("would exceed");
    }

    @Test
    void anonymousTypesSharedAtEveryLevelDoNotExplode() throws Exception {
        // Each level embeds the anonymous struct below it twice: 2^24 inline copies of the innermost one.
        int inner = b.struct("", 4);
        b.member(inner, "v", b.intType("int", 4, true), 0);
        int size = 4;
        for (int level = 0; level < 24; level++) {
            int outer = b.struct("", 2 * size);
            b.member(outer, "a", inner, 0).member(outer, "b", inner, 8 * size);
            inner = outer;
            size *= 2;
        }
        b.typedef("blowup_t", inner);
        Btf btf = b.read();
        // A 1 MiB ceiling instead of the default 64 MiB keeps the test quick; the mechanism is the same.
        assertThatThrownBy(() -> CHeaderWriter.render(btf, CHeaderOptions.defaults(), 1 << 20))
                .isInstanceOf(BtfFormatException.class).hasMessageContaining("would exceed 1048576 characters");
    }

    /** The header writer refuses the builder's BTF with a format error that says why. */
    private void assertRefused(String reason) throws BtfFormatException {
        Btf btf = b.read();
        assertThatThrownBy(() -> CHeaderWriter.toString(btf, CHeaderOptions.defaults()))
                .isInstanceOf(BtfFormatException.class).hasMessageContaining(reason);
    }

    /** A small BTF with most kinds, for mutation. */
    private static byte[] sample() {
        BtfBuilder b = new BtfBuilder();
        int i = b.intType("int", 4, true);
        int c = b.intType("char", 1, 3, 8);
        int node = b.struct("node", 24);
        int anon = b.union("", 8);
        b.member(anon, "n", i, 0).member(anon, "p", b.ptr(b.constOf(c)), 0);
        b.member(node, "next", b.ptr(node), 0).bitfield(node, "flag", i, 64, 3).member(node, "", anon, 128);
        b.enumType("color", 4, false, "RED=0", "GREEN=1");
        int proto = b.funcProto(i);
        b.param(proto, "n", b.ptr(node)).param(proto, "", 0);
        b.typedef("visit_fn", b.ptr(proto));
        b.typedef("names_t", b.array(b.ptr(c), i, 4));
        b.fwd("opaque", false);
        b.func("walk", proto);
        return b.build();
    }

    @Property(tries = 2000)
    void mutatedBtfGivesAHeaderOrAFormatError(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 24,
            max = 10_000) Integer> positions, @ForAll @Size(min = 8, max = 8) List<@IntRange(min = 0,
            max = 255) Integer> values) {
        byte[] blob = sample();
        for (int k = 0; k < positions.size(); k++) {
            int at = 24 + (positions.get(k) - 24) % (blob.length - 24);
            blob[at] = (byte) (int) values.get(k);
        }
        Btf btf;
        try {
            btf = BtfReader.read(blob);
        } catch (BtfFormatException e) {
            return;
        }
        try {
            CHeaderWriter.toString(btf, CHeaderOptions.defaults());
        } catch (BtfFormatException e) {
            // refused with a reason: fine
        }
    }
}
