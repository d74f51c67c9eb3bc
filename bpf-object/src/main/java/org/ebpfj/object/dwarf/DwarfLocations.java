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
            Walk walk = new Walk(sections.get(), withTypes);
            walk.run();
            return Collections.unmodifiableMap(walk.resolveAll());
        } catch (ObjectFormatException e) {
            throw asDwarf(e);
        }
    }

    private static DwarfFormatException asDwarf(ObjectFormatException e) {
        return e instanceof DwarfFormatException d ? d : new DwarfFormatException(e.part(), e.offset(),
                e.getMessage());
    }

    /**
     * The declarations of variables and functions, walked but not yet placed: {@link Index#find} resolves the
     * file of one name only, for callers that show a few locations of many ({@link #read} resolves them all).
     *
     * @throws DwarfFormatException when the DIEs are malformed
     */
    public static Index index(ElfFile elf) throws DwarfFormatException {
        try {
            Optional<DebugSections> sections = DebugSections.of(elf);
            if (sections.isEmpty()) {
                return new Index(null);
            }
            Walk walk = new Walk(sections.get(), false);
            walk.run();
            return new Index(walk);
        } catch (ObjectFormatException e) {
            throw asDwarf(e);
        }
    }

    /** Declarations by name, each name placed on first request. Thread-safe. */
    public static final class Index {
        private final Walk walk;
        private final Map<String, List<Decl>> byName = new HashMap<>();
        private final Map<String, Optional<SourceLocation>> placed = new HashMap<>();

        private Index(Walk walk) throws ObjectFormatException {
            this.walk = walk;
            if (walk != null) {
                for (Decl d : walk.decls) {
                    String name = walk.nameOf(d);
                    if (name != null) {
                        byName.computeIfAbsent(name, k -> new ArrayList<>(1)).add(d);
                    }
                }
            }
        }

        /** Where {@code name} is declared, as {@link #read} places it; empty when debug info does not say. */
        public synchronized Optional<SourceLocation> find(String name) throws DwarfFormatException {
            Optional<SourceLocation> known = placed.get(name);
            if (known == null) {
                Map<String, SourceLocation> out = new HashMap<>(2);
                Map<String, Boolean> isDefinition = new HashMap<>(2);
                try {
                    for (Decl d : byName.getOrDefault(name, List.of())) {
                        walk.place(d, name, out, isDefinition);
                    }
                } catch (ObjectFormatException e) {
                    throw asDwarf(e);
                }
                known = Optional.ofNullable(out.get(name));
                placed.put(name, known);
            }
            return known;
        }

        /** Every declaration placed, as {@link #read} returns them. */
        public synchronized Map<String, SourceLocation> all() throws DwarfFormatException {
            try {
                return walk == null ? Map.of() : Collections.unmodifiableMap(walk.resolveAll());
            } catch (ObjectFormatException e) {
                throw asDwarf(e);
            }
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
        /** The DIE of its specification chain that has the line (set once its name is known). */
        Decl located;
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

        void run() throws ObjectFormatException {
            DwarfCursor c = new DwarfCursor(s.info, 0);
            while (c.hasMore(s.info.length())) {
                readUnit(c);
            }
        }

        private void readUnit(DwarfCursor c) throws ObjectFormatException {
            Unit unit = new Unit(this, DwarfUnit.readHeader(c, s, abbrevs));
            unit.walkDies(c, (cursor, dieOffset, a, depth) -> {
                String kind = depth == 1 && withTypes ? typeKind(a.tag()) : null;
                if (depth == 1 && (a.tag() == TAG_VARIABLE || a.tag() == TAG_SUBPROGRAM)) {
                    Decl d = readDecl(cursor, unit, a);
                    byOffset.put(dieOffset, d);
                    decls.add(d);
                } else if (kind != null) {
                    Decl d = readDecl(cursor, unit, a);
                    d.kind = kind;
                    decls.add(d);
                } else {
                    skipAttributes(cursor, unit, unit.table, a);
                }
            });
            c.seek(unit.end);
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

        private Decl readDecl(DwarfCursor c, Unit unit, Abbreviation a)
                throws ObjectFormatException {
            Decl d = new Decl();
            d.unit = unit;
            int[] forms = a.forms();
            long[] consts = a.implicitConsts();
            for (int i = 0; i < forms.length; i++) {
                switch (a.attributes()[i]) {
                    case DwarfUnit.AT_NAME: {
                        FormValue v = DwarfForm.read(c, forms[i], unit.enc, consts[i]);
                        d.name = v.isString() ? v : null;
                        break;
                    }
                    case AT_DECL_FILE:
                        d.declFile = DwarfForm.number(c, forms[i], unit.enc, consts[i], -1);
                        break;
                    case AT_DECL_LINE:
                        d.declLine = DwarfForm.number(c, forms[i], unit.enc, consts[i], 0);
                        break;
                    case AT_DECL_COLUMN:
                        d.declColumn = DwarfForm.number(c, forms[i], unit.enc, consts[i], 0);
                        break;
                    case AT_DECLARATION:
                        d.declaration = DwarfForm.number(c, forms[i], unit.enc, consts[i], 0) != 0;
                        break;
                    case AT_SPECIFICATION:
                    case AT_ABSTRACT_ORIGIN:
                        d.specification = unit.reference(DwarfForm.read(c, forms[i], unit.enc, consts[i]));
                        break;
                    default:
                        DwarfForm.skip(c, forms[i], unit.enc);
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
            for (int form : a.forms()) {
                DwarfForm.skip(c, form, unit.enc);
            }
        }

        private Map<String, SourceLocation> resolveAll() throws ObjectFormatException {
            Map<String, SourceLocation> out = new LinkedHashMap<>();
            Map<String, Boolean> isDefinition = new HashMap<>();
            for (Decl d : decls) {
                String name = nameOf(d);
                if (name != null) {
                    place(d, name, out, isDefinition);
                }
            }
            return out;
        }

        /**
         * The name a declaration is known by ({@code struct point} for a type), following its specification chain;
         * null when it has none or no line (then it locates nothing). Notes the DIE that gives the line.
         */
        private String nameOf(Decl d) throws ObjectFormatException {
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
                return null;
            }
            d.located = located;
            return d.kind.isEmpty() ? name : d.kind + name;
        }

        /** Places {@code d} under {@code name} unless a definition (or, for a declaration, anything) is there. */
        private void place(Decl d, String name, Map<String, SourceLocation> out, Map<String, Boolean> isDefinition)
                throws ObjectFormatException {
            boolean definition = !d.declaration;
            Boolean existing = isDefinition.get(name);
            if (existing != null && (existing || !definition)) {
                return;
            }
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
                return;
            }
            int column = located.declColumn > 0 && located.declColumn <= Integer.MAX_VALUE
                    ? (int) located.declColumn : 0;
            out.put(name, new SourceLocation(file, (int) located.declLine, column));
            isDefinition.put(name, definition);
        }
    }
}
