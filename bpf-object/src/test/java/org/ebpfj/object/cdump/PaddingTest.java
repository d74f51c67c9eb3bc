package org.ebpfj.object.cdump;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaddingTest {
    @Test
    void noGapNoPadding() {
        assertThat(Padding.between(64, 64, 8, false)).isEmpty();
        assertThat(Padding.between(96, 64, 8, false)).isEmpty();
    }

    @Test
    void gapTheCompilerLeavesByItselfNeedsNothing() {
        // int at 0, then a long at 8: natural alignment already puts it there.
        assertThat(Padding.between(32, 64, 8, false)).isEmpty();
    }

    @Test
    void gapBeforeALessAlignedMemberNeedsAnAlignmentMarker() {
        // int at 0, then an int at byte 8: a 4-byte int would land at 4 without the marker.
        assertThat(Padding.between(32, 64, 4, false)).containsExactly("long: 0");
    }

    @Test
    void wholeUnitsFillLongGaps() {
        // Cache-line aligned member at 64 after a long at 0.
        assertThat(Padding.between(64, 512, 64, false)).containsExactly("long: 64", "long: 64", "long: 64",
                "long: 64", "long: 64", "long: 64", "long: 64");
    }

    @Test
    void remainderUsesTheSmallestUnitThatHoldsIt() {
        assertThat(Padding.between(0, 24, 1, false)).containsExactly("int: 24");
        assertThat(Padding.between(0, 8, 1, false)).containsExactly("char: 8");
        assertThat(Padding.between(64, 144, 1, false)).containsExactly("long: 64", "short: 16");
    }

    @Test
    void gapTooShortToReachAnyBoundaryIsFilledWithBits() {
        assertThat(Padding.between(3, 5, 1, false)).containsExactly("char: 2");
    }

    @Test
    void betweenBitfieldsTheMarkerCountsBits() {
        // A bitfield ends at bit 3; the next bitfield starts at bit 32 (a new int unit).
        assertThat(Padding.between(3, 32, 4, true)).containsExactly("int: 29");
    }

    @Test
    void aHoleTheNextUnitWouldFitInGetsAMarkerFirst() {
        // From bit 32 to 112: long boundary at 64, then 48 bits; 48 > 32 so no marker is needed.
        assertThat(Padding.between(32, 112, 2, false)).containsExactly("long: 48");
        // From bit 48 to 72: the long boundary at 64 leaves 8 bits, which would fit in the 16-bit hole.
        assertThat(Padding.between(48, 72, 1, false)).containsExactly("long: 0", "char: 8");
    }
}
