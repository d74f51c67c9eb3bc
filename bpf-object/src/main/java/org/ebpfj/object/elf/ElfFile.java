package org.ebpfj.object.elf;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.ByteView;
import org.ebpfj.object.bytes.StringTable;

/**
 * A relocatable ELF64 object for BPF (clang {@code -target bpf}, {@code bpfel} or {@code bpfeb}), read from bytes.
 * Everything is validated up front: every section lies inside the file, every name and symbol resolves, so the
 * accessors never fail. Relocations are parsed on request.
 *
 * <p>Like libbpf ({@code bpf_object__elf_init}), it accepts {@code e_machine} EM_NONE as well as EM_BPF, because
 * old LLVM versions wrote EM_NONE.
 */
public final class ElfFile {
    private static final int EHDR_SIZE = 64;
    private static final int SHDR_SIZE = 64;
    private static final int SYM_SIZE = 24;
    private static final int REL_SIZE = 16;
    private static final int RELA_SIZE = 24;
    private static final int ET_REL = 1;
    private static final int SHN_XINDEX = 0xffff;
    /** Longer section or symbol names are not from a compiler. */
    private static final int MAX_NAME = 4096;

    private final String name;
    private final ByteView file;
    private final int machine;
    private final List<ElfSection> sections;
    private final List<ElfSymbol> symbols;
    private final int symtabIndex;

    private ElfFile(String name, ByteView file, int machine, List<ElfSection> sections, List<ElfSymbol> symbols,
                    int symtabIndex) {
        this.name = name;
        this.file = file;
        this.machine = machine;
        this.sections = Collections.unmodifiableList(sections);
        this.symbols = Collections.unmodifiableList(symbols);
        this.symtabIndex = symtabIndex;
    }

    /**
     * Reads an object.
     *
     * @param name what to call the file in messages (its path, usually)
     * @throws ElfFormatException when the bytes are not a well-formed relocatable ELF64 BPF object
     */
    public static ElfFile read(byte[] bytes, String name) throws ElfFormatException {
        try {
            return new Parse(bytes, name).run();
        } catch (ElfFormatException e) {
            throw e;
        } catch (ObjectFormatException e) {
            // A bounds check inside ByteView: the structure points outside the file.
            throw new ElfFormatException(name, e.offset(), "truncated or inconsistent ELF: " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public ByteOrder order() {
        return file.order();
    }

    /** The raw {@code e_machine}: 247 (EM_BPF), or 0 for objects from old LLVM. */
    public int machine() {
        return machine;
    }

    /** All sections in header order, including the null section #0. */
    public List<ElfSection> sections() {
        return sections;
    }

    public Optional<ElfSection> section(int index) {
        return index >= 0 && index < sections.size() ? Optional.of(sections.get(index)) : Optional.empty();
    }

    /** The first section with this name. */
    public Optional<ElfSection> section(String sectionName) {
        for (ElfSection s : sections) {
            if (s.name().equals(sectionName)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The {@code .symtab} entries, index 0 (the null symbol) included; empty when the object has no symbol table. */
    public List<ElfSymbol> symbols() {
        return symbols;
    }

    public boolean hasSymbolTable() {
        return symtabIndex > 0;
    }

    public Optional<ElfSymbol> symbol(long index) {
        return index >= 0 && index < symbols.size() ? Optional.of(symbols.get((int) index)) : Optional.empty();
    }

    /** The SHT_REL and SHT_RELA sections that apply to {@code target}. */
    public List<ElfSection> relocationSectionsFor(ElfSection target) {
        List<ElfSection> out = new ArrayList<>(1);
        for (ElfSection s : sections) {
            if ((s.type() == ElfSection.SHT_REL || s.type() == ElfSection.SHT_RELA) && s.info() == target.index()) {
                out.add(s);
            }
        }
        return out;
    }

    /** All relocations that apply to {@code target}, from every relocation section that names it. */
    public List<ElfRelocation> relocationsFor(ElfSection target) throws ElfFormatException {
        List<ElfRelocation> out = new ArrayList<>();
        for (ElfSection s : relocationSectionsFor(target)) {
            out.addAll(relocations(s));
        }
        return out;
    }

    /** Parses a relocation section (SHT_REL or SHT_RELA); every symbol index is checked against the symbol table. */
    public List<ElfRelocation> relocations(ElfSection relSection) throws ElfFormatException {
        boolean rela = relSection.type() == ElfSection.SHT_RELA;
        if (!rela && relSection.type() != ElfSection.SHT_REL) {
            throw new ElfFormatException(name, relSection.offset(), relSection + " is not a relocation section");
        }
        int entrySize = rela ? RELA_SIZE : REL_SIZE;
        if (relSection.entrySize() != entrySize) {
            throw new ElfFormatException(name, relSection.offset(), relSection + " has entry size "
                    + relSection.entrySize() + ", expected " + entrySize);
        }
        ByteView data = relSection.data();
        int count = data.length() / entrySize;
        List<ElfRelocation> out = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                long at = (long) i * entrySize;
                long offset = data.u64(at);
                long info = data.u64(at + 8);
                long sym = info >>> 32;
                int type = (int) (info & 0xffffffffL);
                if (sym >= symbols.size()) {
                    throw new ElfFormatException(name, data.absoluteStart() + at, relSection + " entry " + i
                            + " refers to symbol #" + sym + ", but the symbol table has " + symbols.size());
                }
                long addend = rela ? data.u64(at + 16) : 0;
                out.add(new ElfRelocation(offset, (int) sym, type, addend, rela));
            }
        } catch (ElfFormatException e) {
            throw e;
        } catch (ObjectFormatException e) {
            throw new ElfFormatException(name, e.offset(), e.getMessage(), e);
        }
        return out;
    }

    /** One read: keeps the state out of the immutable result. */
    private static final class Parse {
        private final byte[] bytes;
        private final String name;
        private ByteView file;

        Parse(byte[] bytes, String name) {
            this.bytes = bytes;
            this.name = name;
        }

        private ElfFormatException fail(long offset, String message) {
            return new ElfFormatException(name, offset, message);
        }

        ElfFile run() throws ObjectFormatException {
            ByteOrder order = identify();
            file = ByteView.of(bytes, order, name);
            int type = file.u16(16);
            int machine = file.u16(18);
            checkTypeAndMachine(type, machine);
            long shoff = file.u64(40);
            int shentsize = file.u16(58);
            int shnum = file.u16(60);
            int shstrndx = file.u16(62);
            if (shoff == 0) {
                throw fail(40, "no section header table (e_shoff is 0)");
            }
            if (shnum == 0) {
                throw fail(60, "extended section numbering (e_shnum 0, count in section #0) is not supported;"
                        + " BPF objects never need it");
            }
            if (shstrndx == SHN_XINDEX) {
                throw fail(62, "extended section numbering (e_shstrndx SHN_XINDEX) is not supported;"
                        + " BPF objects never need it");
            }
            if (shentsize != SHDR_SIZE) {
                throw fail(58, "section header size is " + shentsize + ", ELF64 uses " + SHDR_SIZE);
            }
            long tableSize = (long) shnum * SHDR_SIZE;
            if (shoff < 0 || !file.contains(shoff, tableSize)) {
                throw fail(40, "section header table (" + shnum + " headers at offset "
                        + Long.toUnsignedString(shoff) + ") lies outside the " + bytes.length + "-byte file");
            }
            if (shstrndx >= shnum) {
                throw fail(62, "section name table index " + shstrndx + " is not below the section count "
                        + shnum);
            }
            for (int i = 0; i < shnum; i++) {
                checkHeader(i, shoff + (long) i * SHDR_SIZE);
            }
            long namesHeader = shoff + (long) shstrndx * SHDR_SIZE;
            int namesType = file.s32(namesHeader + 4);
            if (namesType != ElfSection.SHT_STRTAB) {
                throw fail(namesHeader, "section name table (section #" + shstrndx
                        + ") has type " + namesType + ", not SHT_STRTAB");
            }
            StringTable nameTable = new StringTable(file.slice(file.u64(namesHeader + 24),
                    file.u64(namesHeader + 32), "section name table"), MAX_NAME);
            List<ElfSection> sections = new ArrayList<>(shnum);
            for (int i = 0; i < shnum; i++) {
                sections.add(section(nameTable, i, shoff + (long) i * SHDR_SIZE));
            }
            int symtab = findSymbolTable(sections);
            List<ElfSymbol> symbols = symtab > 0 ? readSymbols(sections, sections.get(symtab)) : List.of();
            return new ElfFile(name, file, machine, sections, symbols, symtab);
        }

        private ByteOrder identify() throws ElfFormatException {
            if (bytes.length < 4 || bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
                throw fail(0, "not an ELF file (no \\x7fELF magic)"
                        + (bytes.length < 4 ? ": only " + bytes.length + " bytes" : ""));
            }
            if (bytes.length < EHDR_SIZE) {
                throw fail(0, "truncated: " + bytes.length + " bytes, an ELF64 header alone has " + EHDR_SIZE);
            }
            int elfClass = bytes[4];
            if (elfClass == 1) {
                throw fail(4, "32-bit ELF object; BPF objects are ELF64: compile with clang -target bpf");
            }
            if (elfClass != 2) {
                throw fail(4, "unknown ELF class " + elfClass + " (expected 2, ELF64)");
            }
            switch (bytes[5]) {
                case 1:
                    return ByteOrder.LITTLE_ENDIAN;
                case 2:
                    return ByteOrder.BIG_ENDIAN;
                default:
                    throw fail(5, "unknown byte order " + bytes[5] + " (expected 1, little-endian, or 2, big-endian)");
            }
        }

        private void checkTypeAndMachine(int type, int machine) throws ElfFormatException {
            if (machine != ElfMachine.EM_BPF && machine != ElfMachine.EM_NONE) {
                throw fail(18, ElfMachine.describe(machine) + " object, not BPF: compile with clang -target bpf");
            }
            if (type != ET_REL) {
                String what;
                switch (type) {
                    case 0: what = "ET_NONE (no file type)"; break;
                    case 2: what = "an executable (ET_EXEC)"; break;
                    case 3: what = "a shared object (ET_DYN)"; break;
                    case 4: what = "a core file (ET_CORE)"; break;
                    default: what = "ELF type " + type;
                }
                throw fail(16, "is " + what + ", not a relocatable object (ET_REL) as clang -c produces");
            }
        }

        /** Checks that a section header's bytes lie inside the file, before any section is made. */
        private void checkHeader(int index, long at) throws ObjectFormatException {
            int type = file.s32(at + 4);
            long offset = file.u64(at + 24);
            long size = file.u64(at + 32);
            if (occupiesFile(type) && (offset < 0 || size < 0 || !file.contains(offset, size))) {
                throw fail(at + 24, "section #" + index + " (offset " + Long.toUnsignedString(offset) + ", size "
                        + Long.toUnsignedString(size) + ") lies outside the " + bytes.length + "-byte file");
            }
            if (!occupiesFile(type) && size < 0) {
                throw fail(at + 32, "section #" + index + " has size " + Long.toUnsignedString(size));
            }
        }

        private static boolean occupiesFile(int type) {
            return type != ElfSection.SHT_NOBITS && type != ElfSection.SHT_NULL;
        }

        /** A checked header as a section, named from the section name table. */
        private ElfSection section(StringTable names, int index, long at) throws ObjectFormatException {
            int type = file.s32(at + 4);
            long offset = file.u64(at + 24);
            long size = file.u64(at + 32);
            String name = sectionName(names, index, at, file.u32(at));
            boolean inFile = occupiesFile(type);
            ByteView data = file.slice(inFile ? offset : 0, inFile ? size : 0, "section", name);
            return new ElfSection(index, name, type, file.u64(at + 8), offset, size, file.s32(at + 40),
                    file.s32(at + 44), file.u64(at + 48), file.u64(at + 56), data);
        }

        private String sectionName(StringTable names, int index, long headerOffset, long nameOffset)
                throws ObjectFormatException {
            if (nameOffset >= names.length()) {
                if (index == 0 && nameOffset == 0) {
                    return "";
                }
                throw fail(headerOffset, "section #" + index + " name offset " + nameOffset
                        + " lies outside the " + names.length() + "-byte section name table");
            }
            return names.get(nameOffset);
        }

        private int findSymbolTable(List<ElfSection> sections) throws ElfFormatException {
            int found = 0;
            for (ElfSection s : sections) {
                if (s.type() == ElfSection.SHT_SYMTAB) {
                    if (found != 0) {
                        throw fail(-1, "more than one symbol table (sections #" + found + " and #" + s.index()
                                + ")");
                    }
                    found = s.index();
                }
            }
            return found;
        }

        private List<ElfSymbol> readSymbols(List<ElfSection> sections, ElfSection symtab)
                throws ObjectFormatException {
            if (symtab.entrySize() != SYM_SIZE) {
                throw fail(symtab.offset(), "symbol table entry size is " + symtab.entrySize() + ", ELF64 uses "
                        + SYM_SIZE);
            }
            if (symtab.link() <= 0 || symtab.link() >= sections.size()
                    || sections.get(symtab.link()).type() != ElfSection.SHT_STRTAB) {
                throw fail(symtab.offset(), "symbol table names section #" + symtab.link()
                        + " as its string table, which is not a string table");
            }
            StringTable strings = new StringTable(sections.get(symtab.link()).data(), MAX_NAME);
            ByteView data = symtab.data();
            int count = data.length() / SYM_SIZE;
            List<ElfSymbol> symbols = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long at = (long) i * SYM_SIZE;
                long nameOffset = data.u32(at);
                int info = data.u8(at + 4);
                int other = data.u8(at + 5);
                int shndx = data.u16(at + 6);
                long value = data.u64(at + 8);
                long size = data.u64(at + 16);
                if (shndx == SHN_XINDEX) {
                    throw fail(data.absoluteStart() + at, "symbol #" + i + " uses extended section numbering"
                            + " (SHN_XINDEX), which BPF objects never need");
                }
                if (nameOffset != 0 && nameOffset >= strings.length()) {
                    throw fail(data.absoluteStart() + at, "symbol #" + i + " name offset " + nameOffset
                            + " lies outside the " + strings.length() + "-byte string table");
                }
                symbols.add(new ElfSymbol(i, nameOffset == 0 ? "" : strings.get(nameOffset), value, size, info & 0xf,
                        info >>> 4, other & 0x3, shndx));
            }
            return symbols;
        }
    }
}
