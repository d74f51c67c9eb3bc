package org.ebpfj.object.spec;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfFormatException;
import org.ebpfj.object.btf.BtfReader;
import org.ebpfj.object.elf.ElfFile;
import org.ebpfj.object.elf.ElfFormatException;
import org.ebpfj.object.elf.ElfSection;
import org.ebpfj.object.elf.ElfSymbol;
import org.ebpfj.object.uapi.Errno;

/**
 * Reads a compiled BPF object into an {@link ObjectSpec}, offline, the way libbpf 1.x opens it
 * ({@code bpf_object__open}): BTF-defined maps, legacy maps, the global-data and .kconfig maps libbpf synthesizes,
 * programs, license, and source locations from DWARF.
 *
 * <p>What makes the object unreadable (not ELF, not BPF, broken section table, corrupted BTF when maps need it)
 * throws. What libbpf would refuse but can still be described (a legacy maps section, a map definition libbpf
 * rejects) becomes a {@link SpecProblem}; missing or broken debug info only makes locations coarser and adds a
 * note. Loader adjustments made later (PERF_EVENT_ARRAY max_entries = CPUs, ring buffer rounding) are not applied:
 * the specs say what the object declares.
 */
public final class ObjectSpecReader {
    /** libbpf copies the license into a 64-byte buffer. */
    private static final int LICENSE_MAX = 63;

    private ObjectSpecReader() {
    }

    public static ObjectSpec read(Path file) throws IOException, ObjectFormatException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 16) {
            throw new ElfFormatException(file.toString(), -1, "file of " + size + " bytes is too large to be a BPF"
                    + " object");
        }
        return read(Files.readAllBytes(file), file.toString());
    }

    /**
     * @param file the object's path or name: used in messages and locations, and for libbpf's object name
     */
    public static ObjectSpec read(byte[] bytes, String file) throws ObjectFormatException {
        ElfFile elf = ElfFile.read(bytes, file);
        if (!elf.hasSymbolTable()) {
            throw new ElfFormatException(file, -1, "no symbol table (.symtab): a stripped object? libbpf cannot"
                    + " open it either");
        }
        List<String> notes = new ArrayList<>();
        Optional<ElfSection> mapsSection = elf.section(BtfMapDefinitions.SECTION);
        Optional<Btf> btf = readBtf(elf, file, mapsSection.isPresent(), notes);
        DeclaredLocations locations = new DeclaredLocations(elf, file);
        if (!locations.present()) {
            notes.add(DeclaredLocations.NO_DWARF);
        }
        ObjectContext ctx = new ObjectContext(elf, file, btf, locations);
        ctx.notes.addAll(notes);

        if (elf.order() == ByteOrder.BIG_ENDIAN) {
            ctx.notes.add("big-endian (bpfeb) object: libbpf 1.5+ opens it (older versions refuse: endianness"
                    + " mismatch), but only a big-endian kernel can load its programs");
        }

        // Problems come in libbpf's order, so the first one is what bpf_object__open reports: ELF sections in
        // index order (legacy maps section, programs), then BTF, externs, and BTF-defined maps.
        Optional<ElfSection> legacy = elf.section(LegacyMapDefinitions.SECTION);
        List<MapSpec> legacyMaps = List.of();
        List<ProgramSpec> programs;
        if (legacy.isPresent() && legacy.get().index() < Programs.firstProgramSection(elf)) {
            legacyMaps = LegacyMapDefinitions.read(ctx, legacy.get());
            programs = Programs.read(ctx);
        } else {
            programs = Programs.read(ctx);
            if (legacy.isPresent()) {
                legacyMaps = LegacyMapDefinitions.read(ctx, legacy.get());
            }
        }
        List<MapSpec> btfMaps = List.of();
        if (mapsSection.isPresent() && btf.isEmpty()) {
            ctx.problem("", ProblemCodes.BTF_REQUIRED, Errno.ENOENT, "BTF is required, but is missing or"
                    + " corrupted: the .maps section needs the object's .BTF (compile with -g)",
                    SourceLocation.ofObject(file));
        }
        Optional<KconfigMap.Layout> kconfig = KconfigMap.read(ctx);
        if (mapsSection.isPresent() && btf.isPresent()) {
            btfMaps = BtfMapDefinitions.read(ctx, btf.get(), mapsSection.get());
        }

        // Maps in libbpf's order: BTF-defined, global data (section order), .kconfig.
        List<MapSpec> maps = new ArrayList<>(legacyMaps);
        maps.addAll(btfMaps);
        maps.addAll(GlobalDataMaps.read(ctx));
        kconfig.ifPresent(k -> maps.add(k.map()));
        List<VariableSpec> variables = new ArrayList<>(GlobalVariables.read(ctx));
        kconfig.ifPresent(k -> variables.addAll(k.variables()));
        // Debug info is read when a location is first shown; its note (if unreadable) takes its place then.
        List<String> allNotes = locations.present() ? new ReaderNotes(ctx.notes, notes.size(), locations)
                : ctx.notes;
        return new ObjectSpec(file, ctx.objectName, license(elf), maps, programs, variables, btf, ctx.problems,
                allNotes);
    }

    /**
     * The .BTF section. Corrupted BTF is fatal when libbpf needs it ({@code libbpf_needs_btf}: .maps or externs),
     * since nothing about those maps can be known; otherwise libbpf carries on without it, and so does this.
     */
    private static Optional<Btf> readBtf(ElfFile elf, String file, boolean hasMaps, List<String> notes)
            throws ObjectFormatException {
        Optional<ElfSection> section = elf.section(".BTF");
        if (section.isEmpty()) {
            notes.add("no .BTF section (compile with -g): map key and value types are unknown");
            return Optional.empty();
        }
        if (!section.get().isProgbits()) {
            throw new ElfFormatException(file, section.get().offset(), "section .BTF has type "
                    + section.get().type() + ", not SHT_PROGBITS");
        }
        try {
            return Optional.of(BtfReader.read(section.get().data()));
        } catch (BtfFormatException e) {
            boolean hasExterns = elf.symbols().stream().anyMatch(ElfSymbol::isExtern);
            if (hasMaps || hasExterns) {
                throw e;
            }
            notes.add("the .BTF section is corrupted and ignored, as libbpf does for objects without .maps or"
                    + " externs: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The {@code license} section up to its first NUL, as libbpf copies it. */
    private static String license(ElfFile elf) {
        return elf.section("license").filter(s -> !s.isNobits()).map(s -> {
            try {
                int n = (int) Math.min(s.size(), LICENSE_MAX);
                byte[] b = s.data().bytes(0, n);
                int end = 0;
                while (end < b.length && b[end] != 0) {
                    end++;
                }
                return new String(b, 0, end, StandardCharsets.UTF_8);
            } catch (ObjectFormatException e) {
                return "";
            }
        }).orElse("");
    }
}
