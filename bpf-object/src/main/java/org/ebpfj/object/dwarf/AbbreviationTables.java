package org.ebpfj.object.dwarf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.ByteView;

/** Parses abbreviation tables from .debug_abbrev, once per offset (units often share one). */
final class AbbreviationTables {
    private final ByteView abbrev;
    private final WorkBudget budget;
    private final Map<Long, AbbreviationTable> byOffset = new HashMap<>();

    AbbreviationTables(ByteView abbrev, WorkBudget budget) {
        this.abbrev = abbrev;
        this.budget = budget;
    }

    AbbreviationTable at(long offset) throws ObjectFormatException {
        AbbreviationTable table = byOffset.get(offset);
        if (table == null) {
            DwarfCursor c = new DwarfCursor(abbrev, 0);
            c.seek(offset);
            table = parse(c, offset);
            budget.spend(c.position() - offset, ".debug_abbrev");
            byOffset.put(offset, table);
        }
        return table;
    }

    private static AbbreviationTable parse(DwarfCursor c, long offset) throws ObjectFormatException {
        Map<Long, Abbreviation> table = new HashMap<>();
        // One abbreviation's specs, reused: most have a handful of attributes.
        int[] attrs = new int[16];
        int[] forms = new int[16];
        long[] consts = new long[16];
        while (true) {
            long code = c.uleb();
            if (code == 0) {
                return new AbbreviationTable(table);
            }
            long tag = c.uleb();
            int children = c.u8();
            int n = 0;
            while (true) {
                long attr = c.uleb();
                long form = c.uleb();
                if (attr == 0 && form == 0) {
                    break;
                }
                long implicit = form == DwarfForm.IMPLICIT_CONST ? c.sleb() : 0;
                if (n == attrs.length) {
                    attrs = Arrays.copyOf(attrs, 2 * n);
                    forms = Arrays.copyOf(forms, 2 * n);
                    consts = Arrays.copyOf(consts, 2 * n);
                }
                attrs[n] = clampToInt(attr);
                forms[n] = clampToInt(form);
                consts[n] = implicit;
                n++;
            }
            Abbreviation a = new Abbreviation(code, tag, children != 0, Arrays.copyOf(attrs, n),
                    Arrays.copyOf(forms, n), Arrays.copyOf(consts, n));
            if (table.putIfAbsent(code, a) != null) {
                throw c.fail("abbreviation code " + code + " defined twice in the table at offset " + offset);
            }
        }
    }

    /** Attribute and form codes are small; a huge one is garbage that must not alias a real code. */
    private static int clampToInt(long v) {
        return v >= 0 && v <= Integer.MAX_VALUE ? (int) v : -1;
    }
}
