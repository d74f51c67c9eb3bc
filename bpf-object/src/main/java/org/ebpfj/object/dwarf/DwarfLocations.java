package org.ebpfj.object.dwarf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.elf.ElfFile;
import org.ebpfj.object.spec.SourceLocation;

/**
 * Where each global variable and function of a BPF object is declared, from its DWARF (versions 2 to 5, 32- and
 * 64-bit, any number of compile units): the DW_AT_decl_file of every top-level DW_TAG_variable and
 * DW_TAG_subprogram resolved through its unit's line table, and its DW_AT_decl_line.
 *
 * <p>Keys are the names the symbols have in C (DWARF names and ELF symbol names agree for C). A definition wins
 * over a declaration of the same name; otherwise the first unit wins. Declarations count: {@code extern} variables
 * such as {@code .kconfig} externs only have one.
 */
public final class DwarfLocations {
    static final int TAG_COMPILE_UNIT = 0x11;
    static final int TAG_PARTIAL_UNIT = 0x3c;
    static final int TAG_SUBPROGRAM = 0x2e;
    static final int TAG_VARIABLE = 0x34;
    static final int TAG_ENUMERATION_TYPE = 0x04;
    static final int TAG_STRUCTURE_TYPE = 0x13;
    static final int TAG_UNION_TYPE = 0x17;

    static final int AT_ABSTRACT_ORIGIN = 0x31;
    static final int AT_DECL_COLUMN = 0x39;
    static final int AT_DECL_FILE = 0x3a;
    static final int AT_DECL_LINE = 0x3b;
    static final int AT_DECLARATION = 0x3c;
    static final int AT_SPECIFICATION = 0x47;

    private static final int MAX_SPECIFICATION_CHAIN = 4;

    private DwarfLocations() {
    }

    /** Whether the object has DWARF at all (a {@code .debug_info} section). */
    public static boolean present(ElfFile elf) {
        return elf.section(".debug_info").isPresent();
    }

    /**
     * Reads every declaration's location; an empty map when the object has no DWARF.
     *
     * @throws DwarfFormatException when the debug info is malformed (callers usually fall back to object-file
     *                              locations: see {@link SourceLocation#ofObject})
     */
    public static Map<String, SourceLocation> read(ElfFile elf) throws DwarfFormatException {
        return read(elf, false);
    }

    /**
     * Like {@link #read}, plus where each named top-level struct, union and enum is declared, keyed
     * {@code struct point}, {@code union addr}, {@code enum state} (for generated code's javadoc).
     */
    public static Map<String, SourceLocation> readWithTypes(ElfFile elf) throws DwarfFormatException {
        return read(elf, true);
    }

    private static Map<String, SourceLocation> read(ElfFile elf, boolean withTypes) throws DwarfFormatException {
        try {
            Optional<DebugSections> sections = DebugSections.of(elf);
            if (sections.isEmpty()) {
                return Map.of();
            }
            return Collections.unmodifiableMap(new Walk(sections.get(), withTypes).run());
        } catch (DwarfFormatException e) {
            throw e;
        } catch (ObjectFormatException e) {
            throw new DwarfFormatException(e.part(), e.offset(), e.getMessage());
        }
    }

    /** One unit's context: what its DIEs need to turn indexes into names and paths. */
    private static final class Unit extends DwarfUnit {
        private final Walk walk;
        private LineTableFiles files;
        private boolean filesRead;

        Unit(Walk walk, DwarfUnit header) {
            super(header);
            this.walk = walk;
        }

        LineTableFiles files() throws ObjectFormatException {
            if (!filesRead) {
                filesRead = true;
                if (stmtList >= 0) {
                    String dir = compDir == null ? null : resolve(compDir);
                    String key = stmtList + "\0" + dir;
                    files = walk.lineTables.get(key);
                    if (files == null) {
                        files = LineTableFiles.read(s.line, stmtList, dir, this);
                        walk.budget.spend(files.bytesRead(), ".debug_line");
                        walk.lineTables.put(key, files);
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

    /** A top-level variable or function DIE, with its attributes still unresolved. */
    private static final class Decl {
        Unit unit;
        FormValue name;
        long declFile = -1;
        long declLine;
        long declColumn;
        boolean declaration;
        long specification = -1;
        /** "struct ", "union " or "enum " for a type declaration; "" for variables and functions. */
        String kind = "";
    }

    private static final class Walk {
        private final DebugSections s;
        private final WorkBudget budget;
        private final AbbreviationTables abbrevs;
        private final Map<String, LineTableFiles> lineTables = new HashMap<>();
        private final Map<Long, Decl> byOffset = new HashMap<>();
        private final List<Decl> decls = new ArrayList<>();

        private final boolean withTypes;

        Walk(DebugSections s, boolean withTypes) {
            this.s = s;
            this.withTypes = withTypes;
            // Each table once, with slack for the odd shared or overlapping one.
            this.budget = new WorkBudget(4L * (s.abbrev.length() + s.line.length()) + 65536);
            this.abbrevs = new AbbreviationTables(s.abbrev, budget);
        }

        Map<String, SourceLocation> run() throws ObjectFormatException {
            DwarfCursor c = new DwarfCursor(s.info, 0);
            while (c.hasMore(s.info.length())) {
                readUnit(c);
            }
            return resolveAll();
        }

        private void readUnit(DwarfCursor c) throws ObjectFormatException {
            Unit unit = new Unit(this, DwarfUnit.readHeader(c, s, abbrevs));
            readDies(c, unit, unit.table, unit.start, unit.end);
            c.seek(unit.end);
        }

        private void readDies(DwarfCursor c, Unit unit, AbbreviationTable table, long unitStart,
                              long unitEnd) throws ObjectFormatException {
            int depth = 0;
            boolean first = true;
            while (c.position() < unitEnd) {
                long dieOffset = c.position();
                long code = c.uleb();
                if (code == 0) {
                    depth--;
                    if (depth <= 0) {
                        return; // the unit DIE's children are done; the rest is padding
                    }
                    continue;
                }
                Abbreviation a = table.get(code);
                if (a == null) {
                    throw c.fail("DIE uses abbreviation code " + code + ", which its table does not define");
                }
                if (first) {
                    unit.readUnitDie(c, a);
                    first = false;
                    if (!a.hasChildren()) {
                        return;
                    }
                } else if (depth == 1 && (a.tag() == TAG_VARIABLE || a.tag() == TAG_SUBPROGRAM)) {
                    Decl d = readDecl(c, unit, a, unitStart);
                    byOffset.put(dieOffset, d);
                    decls.add(d);
                } else if (withTypes && depth == 1 && typeKind(a.tag()) != null) {
                    Decl d = readDecl(c, unit, a, unitStart);
                    d.kind = typeKind(a.tag());
                    decls.add(d);
                } else {
                    skipAttributes(c, unit, table, a);
                }
                if (a.hasChildren()) {
                    depth++;
                }
                if (c.position() > unitEnd) {
                    throw c.fail("DIE at " + dieOffset + " runs past the end of its unit");
                }
            }
        }

        private static String typeKind(long tag) {
            switch ((int) Math.min(tag, Integer.MAX_VALUE)) {
                case TAG_STRUCTURE_TYPE:
                    return "struct ";
                case TAG_UNION_TYPE:
                    return "union ";
                case TAG_ENUMERATION_TYPE:
                    return "enum ";
                default:
                    return null;
            }
        }

        private Decl readDecl(DwarfCursor c, Unit unit, Abbreviation a, long unitStart)
                throws ObjectFormatException {
            Decl d = new Decl();
            d.unit = unit;
            for (int i = 0; i < a.attributes().length; i++) {
                FormValue v = DwarfForm.read(c, a.forms()[i], unit.enc, a.implicitConsts()[i]);
                boolean number = v.kind() == FormValue.Kind.NUMBER;
                switch (a.attributes()[i]) {
                    case DwarfUnit.AT_NAME:
                        d.name = v.isString() ? v : null;
                        break;
                    case AT_DECL_FILE:
                        d.declFile = number ? v.number() : -1;
                        break;
                    case AT_DECL_LINE:
                        d.declLine = number ? v.number() : 0;
                        break;
                    case AT_DECL_COLUMN:
                        d.declColumn = number ? v.number() : 0;
                        break;
                    case AT_DECLARATION:
                        d.declaration = number && v.number() != 0;
                        break;
                    case AT_SPECIFICATION:
                    case AT_ABSTRACT_ORIGIN:
                        d.specification = unit.reference(v);
                        break;
                    default:
                        break;
                }
            }
            return d;
        }

        private void skipAttributes(DwarfCursor c, Unit unit, AbbreviationTable table, Abbreviation a)
                throws ObjectFormatException {
            int fixed = table.fixedAttributeBytes(a, unit.enc);
            if (fixed >= 0) {
                c.skip(fixed);
                return;
            }
            for (int i = 0; i < a.forms().length; i++) {
                DwarfForm.read(c, a.forms()[i], unit.enc, a.implicitConsts()[i]);
            }
        }

        private Map<String, SourceLocation> resolveAll() throws ObjectFormatException {
            Map<String, SourceLocation> out = new LinkedHashMap<>();
            Map<String, Boolean> isDefinition = new HashMap<>();
            for (Decl d : decls) {
                String name = null;
                Decl located = null;
                Decl cur = d;
                for (int i = 0; cur != null && i <= MAX_SPECIFICATION_CHAIN; i++) {
                    if (name == null && cur.name != null) {
                        name = cur.unit.resolve(cur.name);
                    }
                    if (located == null && cur.declLine > 0) {
                        located = cur;
                    }
                    cur = cur.specification >= 0 ? byOffset.get(cur.specification) : null;
                }
                if (name == null || name.isEmpty() || located == null || located.declLine > Integer.MAX_VALUE) {
                    continue;
                }
                if (!d.kind.isEmpty()) {
                    name = d.kind + name;
                }
                boolean definition = !d.declaration;
                Boolean existing = isDefinition.get(name);
                if (existing != null && (existing || !definition)) {
                    continue;
                }
                String file = null;
                LineTableFiles files = located.unit.files();
                if (files != null && located.declFile >= 0) {
                    file = files.path(located.declFile);
                }
                if (file == null) {
                    file = located.unit.primaryFile();
                }
                if (file == null) {
                    continue;
                }
                int column = located.declColumn > 0 && located.declColumn <= Integer.MAX_VALUE
                        ? (int) located.declColumn : 0;
                out.put(name, new SourceLocation(file, (int) located.declLine, column));
                isDefinition.put(name, definition);
            }
            return out;
        }
    }
}
