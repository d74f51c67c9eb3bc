package org.ebpfj.object.dwarf;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.ByteView;
import org.ebpfj.object.bytes.StringTable;
import org.ebpfj.object.elf.ElfFile;
import org.ebpfj.object.elf.ElfRelocation;
import org.ebpfj.object.elf.ElfSection;
import org.ebpfj.object.elf.ElfSymbol;

/**
 * The debug sections the location reader needs, with their relocations applied.
 *
 * <p>In a relocatable object, cross-section offsets (a unit's abbreviation offset, its line table offset, every
 * .debug_str_offsets entry) carry relocations against section symbols. clang writes SHT_REL with the addend in
 * place and section symbols have value 0, so the stored values are already the right offsets; applying the
 * relocations (S + A) changes nothing on such objects but keeps the reader right for any object where the
 * symbol value is not 0 or the addend is explicit (SHT_RELA). In DWARF 2..4 the variables' DW_AT_location
 * addresses relocate against the variables' own symbols (not 0): those few are applied to a copy.
 */
final class DebugSections {
    /** Names and paths longer than PATH_MAX are not from a compiler. */
    static final int MAX_STRING = 4096;
    /** An SHT_REL entry: r_offset and r_info, 8 bytes each (ELF64). */
    private static final int REL_SIZE = 16;
    final ByteView info;
    final ByteView abbrev;
    final ByteView str;
    final ByteView lineStr;
    final ByteView line;
    final ByteView strOffsets;
    final StringTable strTable;
    final StringTable lineStrTable;

    private DebugSections(ByteView info, ByteView abbrev, ByteView str, ByteView lineStr, ByteView line,
                          ByteView strOffsets) {
        this.info = info;
        this.abbrev = abbrev;
        this.str = str;
        this.lineStr = lineStr;
        this.line = line;
        this.strOffsets = strOffsets;
        this.strTable = new StringTable(str, MAX_STRING);
        this.lineStrTable = new StringTable(lineStr, MAX_STRING);
    }

    /** Empty when the object has no .debug_info (compiled without -g). */
    static Optional<DebugSections> of(ElfFile elf) throws ObjectFormatException {
        Found f = new Found(elf);
        if (f.info == null) {
            return Optional.empty();
        }
        return Optional.of(new DebugSections(f.relocated(f.info), f.plain(f.abbrev, ".debug_abbrev"),
                f.plain(f.str, ".debug_str"), f.plain(f.lineStr, ".debug_line_str"),
                f.relocatedOrEmpty(f.line, ".debug_line"), f.relocatedOrEmpty(f.strOffsets, ".debug_str_offsets")));
    }

    /**
     * The debug sections and the relocation sections, found in one pass over the section headers (the first of
     * each name, as {@link ElfFile#section(String)} finds it).
     */
    private static final class Found {
        private final ElfFile elf;
        private ElfSection info;
        private ElfSection abbrev;
        private ElfSection str;
        private ElfSection lineStr;
        private ElfSection line;
        private ElfSection strOffsets;
        private final List<ElfSection> relocationSections = new ArrayList<>(8);

        Found(ElfFile elf) {
            this.elf = elf;
            for (ElfSection s : elf.sections()) {
                if (s.type() == ElfSection.SHT_REL || s.type() == ElfSection.SHT_RELA) {
                    relocationSections.add(s);
                    continue;
                }
                String name = s.name();
                if (!name.startsWith(".debug_")) {
                    continue; // most sections
                }
                // Compared, not switched on: a switch would hash each freshly read name.
                if (info == null && name.equals(".debug_info")) {
                    info = s;
                } else if (abbrev == null && name.equals(".debug_abbrev")) {
                    abbrev = s;
                } else if (str == null && name.equals(".debug_str")) {
                    str = s;
                } else if (lineStr == null && name.equals(".debug_line_str")) {
                    lineStr = s;
                } else if (line == null && name.equals(".debug_line")) {
                    line = s;
                } else if (strOffsets == null && name.equals(".debug_str_offsets")) {
                    strOffsets = s;
                }
            }
        }

        ByteView plain(ElfSection s, String name) {
            return s == null ? empty(elf, name) : s.data();
        }

        ByteView relocatedOrEmpty(ElfSection s, String name) throws ObjectFormatException {
            return s == null ? empty(elf, name) : relocated(s);
        }

        /**
         * The section with its relocations applied, read from the raw SHT_REL entries with no list of
         * relocations: the section's own bytes when no relocation changes a value (see the class doc), else a copy
         * with only the relocations that change one applied (the others write back what is there, wherever they
         * come in the order). Anything unusual (SHT_RELA, an odd entry size, a bad symbol index, a target out of
         * bounds) is left to {@link DebugSections#relocated}, which applies or reports it.
         */
        ByteView relocated(ElfSection section) throws ObjectFormatException {
            ByteView original = section.data();
            boolean any = false;
            byte[] bytes = null;
            ByteView copy = null;
            for (ElfSection r : relocationSections) {
                if (r.info() != section.index()) {
                    continue;
                }
                any = true;
                if (r.type() != ElfSection.SHT_REL || r.entrySize() != REL_SIZE) {
                    return DebugSections.relocated(elf, section);
                }
                ByteView data = r.data();
                List<ElfSymbol> symbols = elf.symbols();
                int count = data.length() / REL_SIZE;
                for (int i = 0; i < count; i++) {
                    long at = (long) i * REL_SIZE;
                    long info = data.u64(at + 8);
                    long sym = info >>> 32;
                    if (sym >= symbols.size()) {
                        return DebugSections.relocated(elf, section);
                    }
                    int width = width((int) (info & 0xffffffffL));
                    long offset = data.u64(at);
                    if (width == 0) {
                        continue;
                    }
                    if (!original.contains(offset, width)) {
                        return DebugSections.relocated(elf, section);
                    }
                    long value = symbols.get((int) sym).value();
                    if (value != 0) {
                        if (copy == null) {
                            bytes = original.bytes(0, original.length());
                            copy = ByteView.of(bytes, elf.order(), section.name());
                        }
                        long addend = width == 4 ? copy.u32(offset) : copy.u64(offset);
                        write(bytes, (int) offset, width, value + addend, elf.order());
                    }
                }
            }
            if (copy != null) {
                return copy;
            }
            // S + A with S = 0 and A in place: every value is already what it relocates to. Shown as a copy, as
            // the applied relocations are.
            return any ? original.asCopy(section.name()) : original;
        }
    }

    private static ByteView empty(ElfFile elf, String name) {
        return ByteView.of(new byte[0], elf.order(), name);
    }

    /** The section with every relocation applied (copied when one changes a value): the path of any object. */
    static ByteView relocated(ElfFile elf, ElfSection section) throws ObjectFormatException {
        ByteView original = section.data();
        if (elf.relocationSectionsFor(section).isEmpty()) {
            return original;
        }
        List<ElfRelocation> relocations = elf.relocationsFor(section);
        boolean changes = false;
        for (ElfRelocation r : relocations) {
            int width = width(r);
            // A target out of bounds takes the copying path, which reports it.
            if (width > 0 && (!original.contains(r.offset(), width) || r.explicitAddend()
                    || elf.symbols().get(r.symbolIndex()).value() != 0)) {
                changes = true;
                break;
            }
        }
        if (!changes) {
            // S + A with S = 0 and A in place: every value is already what it relocates to. Shown as the copy below.
            return original.asCopy(section.name());
        }
        byte[] copy = original.bytes(0, original.length());
        ByteView view = ByteView.of(copy, elf.order(), section.name());
        for (ElfRelocation r : relocations) {
            int width = width(r);
            if (width == 0) {
                continue;
            }
            ElfSymbol sym = elf.symbols().get(r.symbolIndex());
            view.check(r.offset(), width, "relocation target");
            long addend = r.explicitAddend() ? r.addend() : width == 4 ? view.u32(r.offset()) : view.u64(r.offset());
            write(copy, (int) r.offset(), width, sym.value() + addend, elf.order());
        }
        return view;
    }

    /** The bytes a debug-section relocation writes, 0 for a type that does not apply to debug info. */
    private static int width(ElfRelocation r) {
        return width(r.type());
    }

    private static int width(int type) {
        if (type == ElfRelocation.R_BPF_64_ABS32 || type == ElfRelocation.R_BPF_64_NODYLD32) {
            return 4;
        }
        return type == ElfRelocation.R_BPF_64_ABS64 ? 8 : 0;
    }

    private static void write(byte[] b, int at, int width, long value, ByteOrder order) {
        for (int i = 0; i < width; i++) {
            int shift = order == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (width - 1 - i);
            b[at + i] = (byte) (value >>> shift);
        }
    }
}
