package org.ebpfj.object.dwarf;

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
    /** The (attribute, form) pairs all of the table's abbreviations share. */
    private final Pairs pairs;
    /** The layout last asked for: units sharing a table almost always share its encoding too. */
    private FixedLayout layout;

    private AbbreviationTable(Abbreviation[] dense, Map<Long, Abbreviation> sparse, Pairs pairs) {
        this.dense = dense;
        this.sparse = sparse;
        this.pairs = pairs;
    }

    /** The table of these abbreviations, each code defined once, whose pairs are all in {@code pairs}. */
    static AbbreviationTable of(List<Abbreviation> read, Pairs pairs) {
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
            return new AbbreviationTable(byCode, Map.of(), pairs);
        }
        Map<Long, Abbreviation> byCode = new HashMap<>();
        for (Abbreviation a : read) {
            byCode.put(a.code(), a);
        }
        return new AbbreviationTable(new Abbreviation[0], Map.copyOf(byCode), pairs);
    }

    /** The abbreviation of this code, or null when the table has none. */
    Abbreviation get(long code) {
        return code >= 0 && code < dense.length ? dense[(int) code] : sparse.get(code);
    }

    /** Which of the table's values and DIEs have a fixed size in a unit of this encoding. */
    FixedLayout layout(UnitEncoding enc) {
        FixedLayout l = layout;
        if (l == null || !l.isFor(enc)) {
            l = FixedLayout.of(pairs, dense, enc);
            layout = l;
        }
        return l;
    }
}
