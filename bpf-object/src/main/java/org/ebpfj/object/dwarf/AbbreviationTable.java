package org.ebpfj.object.dwarf;

import java.util.Arrays;
import java.util.Map;

/**
 * One abbreviation table. Its codes are small and dense in practice (1..N), and every DIE of a unit looks one up,
 * so an array serves them; a table with a huge code falls back to a map.
 */
final class AbbreviationTable {
    private static final int DENSE_LIMIT = 1 << 16;

    private final Abbreviation[] dense;
    private final Map<Long, Abbreviation> sparse;
    /** Per code, 2 + the bytes its attributes take when all forms have a fixed size (1: not fixed, 0: unknown). */
    private final int[] fixedBytes;
    private UnitEncoding fixedBytesFor;

    AbbreviationTable(Map<Long, Abbreviation> byCode) {
        long max = byCode.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        long min = byCode.keySet().stream().mapToLong(Long::longValue).min().orElse(0);
        if (min >= 0 && max < DENSE_LIMIT) {
            dense = new Abbreviation[(int) max + 1];
            byCode.forEach((code, a) -> dense[(int) (long) code] = a);
            sparse = Map.of();
        } else {
            dense = new Abbreviation[0];
            sparse = Map.copyOf(byCode);
        }
        fixedBytes = new int[dense.length];
    }

    /** The abbreviation of this code, or null when the table has none. */
    Abbreviation get(long code) {
        return code >= 0 && code < dense.length ? dense[(int) code] : sparse.get(code);
    }

    /** The bytes all of the abbreviation's attributes take in a unit of this encoding, or -1 when that varies. */
    int fixedAttributeBytes(Abbreviation a, UnitEncoding enc) {
        if (!enc.equals(fixedBytesFor)) {
            Arrays.fill(fixedBytes, 0);
            fixedBytesFor = enc;
        }
        long code = a.code();
        if (code < 0 || code >= fixedBytes.length) {
            return DwarfForm.fixedSize(a, enc);
        }
        int i = (int) code;
        if (fixedBytes[i] == 0) {
            fixedBytes[i] = DwarfForm.fixedSize(a, enc) + 2;
        }
        return fixedBytes[i] - 2;
    }
}
