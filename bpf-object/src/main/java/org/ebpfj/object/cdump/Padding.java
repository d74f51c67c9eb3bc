package org.ebpfj.object.cdump;

import java.util.ArrayList;
import java.util.List;

/**
 * Unnamed bitfields that move the compiler from one bit offset to the next member's. BTF keeps no padding
 * members, only offsets, so the header has to recreate every gap the compiler would not leave by itself: holes
 * made by {@code __aligned} members, by removed fields, or by a struct's explicit alignment at its end.
 *
 * <p>Unnamed bitfields do not change a struct's alignment, but the compiler does align an unnamed
 * {@code long: 0} to a long boundary; this is what makes the gaps exact. The widest unit that reaches an
 * aligned boundary inside the gap is used, then whole units, then the smallest unit for the rest. This is the
 * padding bpftool writes, so headers match theirs field for field.
 */
final class Padding {
    /** Padding units from the widest: BPF and x86_64 longs are 64 bits. */
    private static final String[] UNIT_TYPES = {"long", "int", "short", "char"};
    private static final int[] UNIT_BITS = {64, 32, 16, 8};

    private Padding() {
    }

    /**
     * The padding declarations (without the semicolon), e.g. {@code ["int: 32", "long: 64"]}.
     *
     * @param fromBit         where the previous member ends
     * @param toBit           where the next member (or, at the end, the struct) starts
     * @param nextAlignBytes  the alignment the compiler gives the next member by itself
     * @param betweenBitfields whether a bitfield follows a bitfield: the compiler would pack them together, so a
     *                        boundary marker must say how many bits it skips instead of {@code : 0}
     */
    static List<String> between(long fromBit, long toBit, int nextAlignBytes, boolean betweenBitfields) {
        List<String> pads = new ArrayList<>(2);
        if (fromBit >= toBit) {
            return pads;
        }
        int unit = 0;
        long boundary = roundUp(fromBit, UNIT_BITS[0]);
        while (boundary > toBit && unit < UNIT_BITS.length - 1) {
            unit++;
            boundary = roundUp(fromBit, UNIT_BITS[unit]);
        }
        long at = fromBit;
        if (boundary > at && boundary <= toBit) {
            boolean compilerAlignsThereAnyway = boundary == toBit && roundUp(at, 8L * nextAlignBytes) == boundary;
            boolean nextUnitWouldFitTheHole = boundary != toBit && toBit - boundary <= boundary - at;
            if (betweenBitfields || boundary == toBit && !compilerAlignsThereAnyway || nextUnitWouldFitTheHole) {
                pads.add(UNIT_TYPES[unit] + ": " + (betweenBitfields ? boundary - at : 0));
            }
            at = boundary;
        }
        while (at < toBit) {
            long bits = Math.min(toBit - at, UNIT_BITS[unit]);
            pads.add(smallestUnitFor(bits) + ": " + bits);
            at += bits;
        }
        return pads;
    }

    private static String smallestUnitFor(long bits) {
        for (int i = UNIT_BITS.length - 1; i >= 0; i--) {
            if (UNIT_BITS[i] >= bits) {
                return UNIT_TYPES[i];
            }
        }
        throw new AssertionError("padding chunks never exceed " + UNIT_BITS[0] + " bits: " + bits);
    }

    private static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
