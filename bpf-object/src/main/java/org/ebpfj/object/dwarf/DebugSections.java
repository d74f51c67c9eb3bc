package org.ebpfj.object.dwarf;

import java.nio.ByteOrder;
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
 * symbol value is not 0 or the addend is explicit (SHT_RELA).
 */
final class DebugSections {
    /** Names and paths longer than PATH_MAX are not from a compiler. */
    static final int MAX_STRING = 4096;
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
        Optional<ElfSection> info = elf.section(".debug_info");
        if (info.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DebugSections(relocated(elf, info.get()), plain(elf, ".debug_abbrev"),
                plain(elf, ".debug_str"), plain(elf, ".debug_line_str"), relocatedByName(elf, ".debug_line"),
                relocatedByName(elf, ".debug_str_offsets")));
    }

    private static ByteView plain(ElfFile elf, String name) {
        return elf.section(name).map(ElfSection::data).orElseGet(() -> empty(elf, name));
    }

    private static ByteView relocatedByName(ElfFile elf, String name) throws ObjectFormatException {
        Optional<ElfSection> s = elf.section(name);
        return s.isPresent() ? relocated(elf, s.get()) : empty(elf, name);
    }

    private static ByteView empty(ElfFile elf, String name) {
        return ByteView.of(new byte[0], elf.order(), name);
    }

    private static ByteView relocated(ElfFile elf, ElfSection section) throws ObjectFormatException {
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
        if (r.type() == ElfRelocation.R_BPF_64_ABS32 || r.type() == ElfRelocation.R_BPF_64_NODYLD32) {
            return 4;
        }
        return r.type() == ElfRelocation.R_BPF_64_ABS64 ? 8 : 0;
    }

    private static void write(byte[] b, int at, int width, long value, ByteOrder order) {
        for (int i = 0; i < width; i++) {
            int shift = order == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (width - 1 - i);
            b[at + i] = (byte) (value >>> shift);
        }
    }
}
