package org.ebpfj.object.dwarf;

/**
 * Which attribute values of one abbreviation table take a fixed number of bytes in units of one encoding, and which
 * whole DIEs do: computed once per table and encoding, so a walk reads past such a value, or such a DIE, with one
 * bounds check and one add instead of decoding its form. Most DIEs the location walk passes over (types, members,
 * parameters) have only fixed-size forms; most attributes of the others (a name's strx1, a line's data1) do too.
 */
final class FixedLayout {
    private final UnitEncoding enc;
    /** Per (attribute, form) pair of the table: the bytes its value takes, or -1 when that depends on the value. */
    private final int[] pairBytes;
    /** Per code of a dense table: the bytes all of its attributes take, or -1 when some value's size varies. */
    private final int[] dieBytes;

    private FixedLayout(UnitEncoding enc, int[] pairBytes, int[] dieBytes) {
        this.enc = enc;
        this.pairBytes = pairBytes;
        this.dieBytes = dieBytes;
    }

    /** The layout of a table whose abbreviations are {@code byCode} (null where a code is undefined). */
    static FixedLayout of(Pairs pairs, Abbreviation[] byCode, UnitEncoding enc) {
        int[] pairBytes = new int[pairs.count];
        for (int p = 0; p < pairs.count; p++) {
            pairBytes[p] = DwarfForm.fixedSize(pairs.form(p), enc);
        }
        int[] dieBytes = new int[byCode.length];
        for (int code = 0; code < byCode.length; code++) {
            dieBytes[code] = byCode[code] == null ? -1 : total(byCode[code], pairBytes);
        }
        return new FixedLayout(enc, pairBytes, dieBytes);
    }

    boolean isFor(UnitEncoding e) {
        return e == enc || e.equals(enc);
    }

    /** The bytes attribute {@code i} of {@code a} takes, or -1 when that depends on its value. */
    int attributeBytes(Abbreviation a, int i) {
        return pairBytes[a.first() + i];
    }

    /** The bytes all of {@code a}'s attributes take, or -1 when some value's size varies. */
    int dieBytes(Abbreviation a) {
        long code = a.code();
        return code >= 0 && code < dieBytes.length ? dieBytes[(int) code] : total(a, pairBytes);
    }

    private static int total(Abbreviation a, int[] pairBytes) {
        long sum = 0;
        for (int i = 0; i < a.count(); i++) {
            int size = pairBytes[a.first() + i];
            if (size < 0) {
                return -1;
            }
            sum += size;
        }
        return sum <= Integer.MAX_VALUE ? (int) sum : -1;
    }
}
