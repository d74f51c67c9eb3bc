package org.ebpfj.object.dwarf;

import java.util.Collections;
import java.util.HashMap;
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
            DeclarationWalk walk = new DeclarationWalk(sections.get(), withTypes);
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
     * The declarations of variables and functions, walked but not yet placed: {@link Index#find} places one name
     * only, comparing it with the declarations' names as bytes, for callers that show a few locations of many
     * ({@link #read} resolves them all). Every name is checked as {@link #read} would resolve it, so the same
     * malformed debug info fails here.
     *
     * @throws DwarfFormatException when the DIEs are malformed
     */
    public static Index index(ElfFile elf) throws DwarfFormatException {
        try {
            Optional<DebugSections> sections = DebugSections.of(elf);
            if (sections.isEmpty()) {
                return new Index(null);
            }
            DeclarationWalk walk = new DeclarationWalk(sections.get(), false);
            walk.run();
            walk.checkNames();
            return new Index(walk);
        } catch (ObjectFormatException e) {
            throw asDwarf(e);
        }
    }

    /** Declarations by name, each name placed on first request. Thread-safe. */
    public static final class Index {
        private final DeclarationWalk walk;
        private final Map<String, Optional<SourceLocation>> placed = new HashMap<>(4);

        private Index(DeclarationWalk walk) {
            this.walk = walk;
        }

        /** Where {@code name} is declared, as {@link #read} places it; empty when debug info does not say. */
        public synchronized Optional<SourceLocation> find(String name) throws DwarfFormatException {
            Optional<SourceLocation> known = placed.get(name);
            if (known == null) {
                try {
                    known = walk == null || name.isEmpty() ? Optional.empty() : walk.find(name);
                } catch (ObjectFormatException e) {
                    throw asDwarf(e);
                }
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
}
