package org.ebpfj.object.codegen;

import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.codegen.TypePlan.Component;

/** Byte ranges of a struct that no whole-byte member covers: padding, and the bytes bitfields share. */
final class Layout {
    private Layout() {
    }

    /**
     * Ranges {@code {start, length}} of bytes not covered by a member that is not a bitfield, in order. Writing a
     * record zeroes them first (so padding is zero, as C's {@code = {}} leaves it) and then sets bitfields' bits.
     */
    static List<long[]> gaps(long size, List<Component> components) {
        boolean[] covered = new boolean[(int) Math.min(size, Integer.MAX_VALUE - 8)];
        for (Component c : components) {
            if (!c.isBitfield()) {
                mark(covered, c.byteOffset(), c.type().size());
            }
        }
        return ranges(covered);
    }

    /** Ranges no member touches at all, bitfields included: what C calls padding. */
    static List<long[]> padding(long size, List<Component> components) {
        boolean[] covered = new boolean[(int) Math.min(size, Integer.MAX_VALUE - 8)];
        for (Component c : components) {
            if (c.isBitfield()) {
                long first = c.bitOffset() / 8;
                long last = (c.bitOffset() + c.bits() - 1) / 8;
                mark(covered, first, last - first + 1);
            } else {
                mark(covered, c.byteOffset(), c.type().size());
            }
        }
        return ranges(covered);
    }

    private static void mark(boolean[] covered, long from, long length) {
        for (long b = from; b < from + length && b < covered.length; b++) {
            covered[(int) b] = true;
        }
    }

    private static List<long[]> ranges(boolean[] covered) {
        List<long[]> out = new ArrayList<>();
        int i = 0;
        while (i < covered.length) {
            if (covered[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < covered.length && !covered[i]) {
                i++;
            }
            out.add(new long[] {start, i - start});
        }
        return out;
    }
}
