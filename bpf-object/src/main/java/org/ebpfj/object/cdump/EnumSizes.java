package org.ebpfj.object.cdump;

import java.util.List;

import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.btf.BtfType.EnumValue;

/**
 * Enum values and sizes in C. A C compiler sizes an enum by its values (4 bytes unless a value needs 8), but BTF
 * enums may be 1 or 2 bytes ({@code __packed} enums) or 8 bytes with small values; the {@code mode} attribute
 * (which GCC and clang accept on enums) forces those sizes.
 */
final class EnumSizes {
    private static final long INT_MIN = Integer.MIN_VALUE;
    private static final long INT_MAX = Integer.MAX_VALUE;
    private static final long UINT_MAX = 0xffffffffL;

    private EnumSizes() {
    }

    /** The value as a C literal: 64-bit enum values carry an {@code LL}/{@code ULL} suffix, like bpftool's. */
    static String literal(BtfType e, long value, boolean signed) {
        if (e instanceof BtfType.Enum) {
            return Long.toString(value);
        }
        return signed ? value + "LL" : Long.toUnsignedString(value) + "ULL";
    }

    /** The attribute that gives the enum its BTF size, or "" when the values already give it that size. */
    static String sizeAttribute(BtfType e, long size, List<EnumValue> values, boolean signed) {
        if (size == 1) {
            return " __attribute__((mode(byte)))";
        }
        if (size == 2) {
            return " __attribute__((mode(HI)))";
        }
        if (size == 8 && fitsIn32Bits(e, values, signed)) {
            return " __attribute__((mode(word)))";
        }
        return "";
    }

    /** Whether a compiler would make this enum 4 bytes: all values fit an int, or all fit an unsigned int. */
    private static boolean fitsIn32Bits(BtfType e, List<EnumValue> values, boolean signed) {
        if (e instanceof BtfType.Enum) {
            return true;
        }
        boolean allInt = true;
        boolean allUnsignedInt = true;
        for (EnumValue v : values) {
            long x = v.value();
            boolean negative = signed && x < 0;
            allInt &= signed ? x >= INT_MIN && x <= INT_MAX : x >= 0 && x <= INT_MAX;
            allUnsignedInt &= !negative && (x >= 0 && x <= UINT_MAX);
        }
        return allInt || allUnsignedInt;
    }
}
