package org.ebpfj.object.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
        List<long[]> specs = new ArrayList<>();
        while (true) {
            long code = c.uleb();
            if (code == 0) {
                return new AbbreviationTable(table);
            }
            long tag = c.uleb();
            int children = c.u8();
            specs.clear();
            while (true) {
                long attr = c.uleb();
                long form = c.uleb();
                if (attr == 0 && form == 0) {
                    break;
                }
                long implicit = form == DwarfForm.IMPLICIT_CONST ? c.sleb() : 0;
                specs.add(new long[] {attr, form, implicit});
            }
            int n = specs.size();
            int[] attrs = new int[n];
            int[] forms = new int[n];
            long[] consts = new long[n];
            for (int i = 0; i < n; i++) {
                long[] s = specs.get(i);
                attrs[i] = clampToInt(s[0]);
                forms[i] = clampToInt(s[1]);
                consts[i] = s[2];
            }
            if (table.putIfAbsent(code, new Abbreviation(code, tag, children != 0, attrs, forms, consts)) != null) {
                throw c.fail("abbreviation code " + code + " defined twice in the table at offset " + offset);
            }
        }
    }

    /** Attribute and form codes are small; a huge one is garbage that must not alias a real code. */
    private static int clampToInt(long v) {
        return v >= 0 && v <= Integer.MAX_VALUE ? (int) v : -1;
    }
}
