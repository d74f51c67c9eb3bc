package org.ebpfj.object.dwarf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.ByteView;

/** Parses abbreviation tables from .debug_abbrev, once per offset (units often share one). */
final class AbbreviationTables {
    private final ByteView abbrev;
    private final WorkBudget budget;
    /** Tables by offset: an object has one or two, so a list searched in order beats a map of boxed keys. */
    private final List<AbbreviationTable> tables = new ArrayList<>(2);
    private final List<Long> offsets = new ArrayList<>(2);
    private Map<Long, AbbreviationTable> byOffset;

    AbbreviationTables(ByteView abbrev, WorkBudget budget) {
        this.abbrev = abbrev;
        this.budget = budget;
    }

    AbbreviationTable at(long offset) throws ObjectFormatException {
        AbbreviationTable table = known(offset);
        if (table == null) {
            DwarfCursor c = new DwarfCursor(abbrev, 0);
            c.seek(offset);
            table = parse(c, offset);
            budget.spend(c.position() - offset, ".debug_abbrev");
            remember(offset, table);
        }
        return table;
    }

    private AbbreviationTable known(long offset) {
        if (byOffset != null) {
            return byOffset.get(offset);
        }
        for (int i = 0; i < offsets.size(); i++) {
            if (offsets.get(i) == offset) {
                return tables.get(i);
            }
        }
        return null;
    }

    /** A few tables stay in the list; an object with many units that use many tables gets a map. */
    private void remember(long offset, AbbreviationTable table) {
        if (byOffset == null && offsets.size() < 8) {
            offsets.add(offset);
            tables.add(table);
            return;
        }
        if (byOffset == null) {
            byOffset = new HashMap<>();
            for (int i = 0; i < offsets.size(); i++) {
                byOffset.put(offsets.get(i), tables.get(i));
            }
        }
        byOffset.put(offset, table);
    }

    private static AbbreviationTable parse(DwarfCursor c, long offset) throws ObjectFormatException {
        Codes seen = new Codes();
        Pairs pairs = new Pairs(c.view().length() - offset);
        List<Abbreviation> table = new ArrayList<>(32);
        while (true) {
            long code = c.uleb();
            if (code == 0) {
                return AbbreviationTable.of(table, pairs);
            }
            long tag = c.uleb();
            int children = c.u8();
            int first = pairs.count;
            while (true) {
                long attr = c.uleb();
                long form = c.uleb();
                if (attr == 0 && form == 0) {
                    break;
                }
                long implicit = form == DwarfForm.IMPLICIT_CONST ? c.sleb() : 0;
                pairs.add(clampToInt(attr), clampToInt(form), implicit);
            }
            if (!seen.add(code)) {
                throw c.fail("abbreviation code " + code + " defined twice in the table at offset " + offset);
            }
            table.add(new Abbreviation(code, tag, children != 0, pairs, first, pairs.count - first));
        }
    }

    /**
     * The codes a table has defined so far. Compilers number a table's codes 1, 2, 3, ... in order, which needs no
     * set at all; the first code out of that order moves them to a bit per small code and a set for the rest.
     */
    private static final class Codes {
        /** Codes below this get a bit; a crafted huge code must not size the bit set. */
        private static final int SMALL = 1 << 16;

        /** While the codes run 1..next-1 in order: the code that continues the run. */
        private long next = 1;
        private BitSet small;
        private Set<Long> large;

        /** Adds {@code code}; false when it was there already. */
        boolean add(long code) {
            if (small == null) {
                if (code == next && code < SMALL) {
                    next++;
                    return true;
                }
                small = new BitSet();
                small.set(1, (int) next);
            }
            if (code >= 0 && code < SMALL) {
                boolean had = small.get((int) code);
                small.set((int) code);
                return !had;
            }
            if (large == null) {
                large = new HashSet<>();
            }
            return large.add(code);
        }
    }

    /** Attribute and form codes are small; a huge one is garbage that must not alias a real code. */
    private static int clampToInt(long v) {
        return v >= 0 && v <= Integer.MAX_VALUE ? (int) v : -1;
    }
}
