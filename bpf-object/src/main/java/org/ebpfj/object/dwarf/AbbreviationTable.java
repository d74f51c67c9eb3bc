package org.ebpfj.object.dwarf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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

    private AbbreviationTable(Abbreviation[] dense, Map<Long, Abbreviation> sparse) {
        this.dense = dense;
        this.sparse = sparse;
        this.fixedBytes = new int[dense.length];
    }

    /** The table of these abbreviations, each code defined once. */
    static AbbreviationTable of(List<Abbreviation> read) {
        long max = 0;
        boolean dense = true;
        for (Abbreviation a : read) {
            max = Math.max(max, a.code());
            dense &= a.code() >= 0 && a.code() < DENSE_LIMIT;
        }
        if (dense) {
            Abbreviation[] byCode = new Abbreviation[(int) max + 1];
            for (Abbreviation a : read) {
                byCode[(int) a.code()] = a;
            }
            return new AbbreviationTable(byCode, Map.of());
        }
        Map<Long, Abbreviation> byCode = new HashMap<>();
        for (Abbreviation a : read) {
            byCode.put(a.code(), a);
        }
        return new AbbreviationTable(new Abbreviation[0], Map.copyOf(byCode));
    }

    /** The abbreviation of this code, or null when the table has none. */
    Abbreviation get(long code) {
        return code >= 0 && code < dense.length ? dense[(int) code] : sparse.get(code);
    }

    /** The bytes all of the abbreviation's attributes take in a unit of this encoding, or -1 when that varies. */
    int fixedAttributeBytes(Abbreviation a, UnitEncoding enc) {
        if (enc != fixedBytesFor && !enc.equals(fixedBytesFor)) {
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
