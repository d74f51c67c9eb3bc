package org.ebpfj.object.dwarf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.spec.SourceLocation;

/**
 * One walk of every unit's DIEs that keeps the top-level declarations (variables and functions, and named types
 * when asked) with their attributes still unresolved: names stay string offsets and files stay indexes until a
 * declaration is placed. {@link #find} places one name; {@link #resolveAll} places every declaration.
 */
final class DeclarationWalk {
    private static final int MAX_SPECIFICATION_CHAIN = 4;

    private final DebugSections s;
    private final WorkBudget budget;
    private final AbbreviationTables abbrevs;
    /** The line tables read so far: units with the same table and directory share one. */
    private final Map<LineTableKey, LineTableFiles> lineTables = new HashMap<>(2);
    /** In .debug_info order, so by increasing DIE offset. */
    private final List<Decl> decls = new ArrayList<>();
    private final boolean withTypes;

    DeclarationWalk(DebugSections s, boolean withTypes) {
        this.s = s;
        this.withTypes = withTypes;
        // Each table once, with slack for the odd shared or overlapping one.
        this.budget = new WorkBudget(4L * (s.abbrev.length() + s.line.length()) + 65536);
        this.abbrevs = new AbbreviationTables(s.abbrev, budget);
    }

    /** A line table as a unit reads it: where it is, and the unit's directory (null when it has none). */
    private record LineTableKey(long stmtList, String compDir) {
    }

    /** One unit's context: what its DIEs need to turn indexes into names and paths. */
    private final class Unit extends DwarfUnit {
        /** Which of the unit's values and DIEs the walk can read past with one add. */
        final FixedLayout layout;
        private LineTableFiles files;
        private boolean filesRead;

        Unit(DwarfUnit header) {
            super(header);
            this.layout = table.layout(enc);
        }

        LineTableFiles files() throws ObjectFormatException {
            if (!filesRead) {
                filesRead = true;
                if (stmtList >= 0) {
                    String dir = compDir == null ? null : resolve(compDir);
                    LineTableKey key = new LineTableKey(stmtList, dir);
                    files = lineTables.get(key);
                    if (files == null) {
                        files = LineTableFiles.read(s.line, stmtList, dir, this);
                        budget.spend(files.bytesRead(), ".debug_line");
                        lineTables.put(key, files);
                    }
                }
            }
            return files;
        }

        /** The unit's own file, for declarations whose file index the line table cannot resolve. */
        String primaryFile() throws ObjectFormatException {
            if (name == null) {
                return null;
            }
            return SourcePaths.join(compDir == null ? null : resolve(compDir), resolve(name));
        }
    }

    /** A top-level variable, function or type DIE, with its attributes still unresolved. */
    private static final class Decl {
        Unit unit;
        long offset;
        FormValue name;
        long declFile = -1;
        long declLine;
        long declColumn;
        boolean declaration;
        long specification = -1;
        /** "struct ", "union " or "enum " for a type declaration; "" for variables and functions. */
        String kind = "";
        /** The DIE of its specification chain that gives the name, once checked; null when it locates nothing. */
        Decl named;
        /** The DIE of its specification chain that has the line (set with {@link #named}). */
        Decl located;
    }

    void run() throws ObjectFormatException {
        DwarfCursor c = new DwarfCursor(s.info, 0);
        while (c.hasMore(s.info.length())) {
            readUnit(c);
        }
    }

    private void readUnit(DwarfCursor c) throws ObjectFormatException {
        Unit unit = new Unit(DwarfUnit.readHeader(c, s, abbrevs));
        unit.walkDies(c, (cursor, dieOffset, a, depth) -> {
            if (depth != 1) {
                skipAttributes(cursor, unit, a);
                return;
            }
            String kind = withTypes ? typeKind(a.tag()) : null;
            if (a.tag() == DwarfLocations.TAG_VARIABLE || a.tag() == DwarfLocations.TAG_SUBPROGRAM) {
                decls.add(readDecl(cursor, unit, a, dieOffset));
            } else if (kind != null) {
                Decl d = readDecl(cursor, unit, a, dieOffset);
                d.kind = kind;
                decls.add(d);
            } else {
                skipAttributes(cursor, unit, a);
            }
        });
        c.seek(unit.end);
    }

    private static String typeKind(long tag) {
        switch ((int) Math.min(tag, Integer.MAX_VALUE)) {
            case DwarfLocations.TAG_STRUCTURE_TYPE:
                return "struct ";
            case DwarfLocations.TAG_UNION_TYPE:
                return "union ";
            case DwarfLocations.TAG_ENUMERATION_TYPE:
                return "enum ";
            default:
                return null;
        }
    }

    private static Decl readDecl(DwarfCursor c, Unit unit, Abbreviation a, long offset)
            throws ObjectFormatException {
        Decl d = new Decl();
        d.unit = unit;
        d.offset = offset;
        for (int i = 0; i < a.count(); i++) {
            int form = a.form(i);
            switch (a.attribute(i)) {
                case DwarfUnit.AT_NAME: {
                    FormValue v = DwarfForm.read(c, form, unit.enc, a.implicitConst(i));
                    d.name = v.isString() ? v : null;
                    break;
                }
                case DwarfLocations.AT_DECL_FILE:
                    d.declFile = DwarfForm.number(c, form, unit.enc, a.implicitConst(i), -1);
                    break;
                case DwarfLocations.AT_DECL_LINE:
                    d.declLine = DwarfForm.number(c, form, unit.enc, a.implicitConst(i), 0);
                    break;
                case DwarfLocations.AT_DECL_COLUMN:
                    d.declColumn = DwarfForm.number(c, form, unit.enc, a.implicitConst(i), 0);
                    break;
                case DwarfLocations.AT_DECLARATION:
                    d.declaration = DwarfForm.number(c, form, unit.enc, a.implicitConst(i), 0) != 0;
                    break;
                case DwarfLocations.AT_SPECIFICATION:
                case DwarfLocations.AT_ABSTRACT_ORIGIN:
                    d.specification = unit.reference(DwarfForm.read(c, form, unit.enc, a.implicitConst(i)));
                    break;
                default:
                    skipAttribute(c, unit, a, i);
                    break;
            }
        }
        return d;
    }

    /**
     * Reads past a DIE's attributes: all at once when they have a fixed size and lie in the section, else one by
     * one, so a DIE that runs off the section fails where and as the attribute that runs off it always has.
     */
    private static void skipAttributes(DwarfCursor c, Unit unit, Abbreviation a) throws ObjectFormatException {
        if (c.tryAdvance(unit.layout.dieBytes(a))) {
            return;
        }
        for (int i = 0; i < a.count(); i++) {
            skipAttribute(c, unit, a, i);
        }
    }

    private static void skipAttribute(DwarfCursor c, Unit unit, Abbreviation a, int i)
            throws ObjectFormatException {
        if (!c.tryAdvance(unit.layout.attributeBytes(a, i))) {
            DwarfForm.skip(c, a.form(i), unit.enc);
        }
    }

    /**
     * Checks every declaration's name and notes which DIEs of its specification chain give its name and line:
     * fails as resolving every name would, but decodes none.
     */
    void checkNames() throws ObjectFormatException {
        for (Decl d : decls) {
            chain(d);
        }
    }

    /** Where {@code name} is declared, as {@link #resolveAll} places it; {@link #checkNames} must have run. */
    Optional<SourceLocation> find(String name) throws ObjectFormatException {
        byte[] utf8 = exactUtf8(name);
        SourceLocation found = null;
        boolean foundDefinition = false;
        for (Decl d : decls) {
            Decl named = d.named;
            if (named == null || !d.kind.isEmpty() || !named.unit.stringEquals(named.name, name, utf8)) {
                continue;
            }
            boolean definition = !d.declaration;
            if (found != null && (foundDefinition || !definition)) {
                continue; // a definition wins; otherwise the first
            }
            SourceLocation at = locate(d);
            if (at != null) {
                found = at;
                foundDefinition = definition;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The bytes a raw name equals exactly when it decodes to {@code name}; null when comparing bytes could differ
     * from comparing decoded strings (a NUL, a surrogate, or the replacement character malformed bytes decode to).
     */
    private static byte[] exactUtf8(String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == 0 || Character.isSurrogate(ch) || ch == '\uFFFD') {
                return null;
            }
        }
        return name.getBytes(StandardCharsets.UTF_8);
    }

    /** Every declaration placed under its name ({@code struct point} for a type), in .debug_info order. */
    Map<String, SourceLocation> resolveAll() throws ObjectFormatException {
        Map<String, SourceLocation> out = new LinkedHashMap<>();
        Map<String, Boolean> isDefinition = new HashMap<>();
        for (Decl d : decls) {
            if (!chain(d)) {
                continue;
            }
            String name = d.named.unit.resolve(d.named.name);
            String key = d.kind.isEmpty() ? name : d.kind + name;
            boolean definition = !d.declaration;
            Boolean existing = isDefinition.get(key);
            if (existing != null && (existing || !definition)) {
                continue;
            }
            SourceLocation at = locate(d);
            if (at != null) {
                out.put(key, at);
                isDefinition.put(key, definition);
            }
        }
        return out;
    }

    /**
     * Follows the specification chain of {@code d} to the DIEs that give its name and its line; false when it has
     * no name (or an empty one) or no line: then it locates nothing. Fails on a name that cannot be resolved.
     */
    private boolean chain(Decl d) throws ObjectFormatException {
        Decl named = null;
        Decl located = null;
        Decl cur = d;
        for (int i = 0; cur != null && i <= MAX_SPECIFICATION_CHAIN; i++) {
            if (named == null && cur.name != null) {
                named = cur;
            }
            if (located == null && cur.declLine > 0) {
                located = cur;
            }
            cur = cur.specification >= 0 ? declAt(cur.specification) : null;
        }
        boolean emptyName = named != null && named.unit.checkString(named.name);
        if (named == null || emptyName || located == null || located.declLine > Integer.MAX_VALUE) {
            d.named = null;
            return false;
        }
        d.named = named;
        d.located = located;
        return true;
    }

    /** The variable or function DIE at this .debug_info offset, found by bisection; null when there is none. */
    private Decl declAt(long offset) {
        int lo = 0;
        int hi = decls.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Decl d = decls.get(mid);
            if (d.offset < offset) {
                lo = mid + 1;
            } else if (d.offset > offset) {
                hi = mid - 1;
            } else {
                return d.kind.isEmpty() ? d : null;
            }
        }
        return null;
    }

    /** Where the chain's located DIE says {@code d} is: its file through the line table, else the unit's file. */
    private SourceLocation locate(Decl d) throws ObjectFormatException {
        Decl located = d.located;
        String file = null;
        LineTableFiles files = located.unit.files();
        if (files != null && located.declFile >= 0) {
            file = files.path(located.declFile);
        }
        if (file == null) {
            file = located.unit.primaryFile();
        }
        if (file == null) {
            return null;
        }
        int column = located.declColumn > 0 && located.declColumn <= Integer.MAX_VALUE
                ? (int) located.declColumn : 0;
        return new SourceLocation(file, (int) located.declLine, column);
    }
}
