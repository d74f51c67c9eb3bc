package org.ebpfj.object.dwarf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.ebpfj.object.elf.ElfFile;
import org.ebpfj.object.elf.ElfSection;
import org.ebpfj.object.elf.ElfSymbol;
import org.ebpfj.object.spec.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The location index answers a name by comparing its bytes with the declarations' names, and reads debug sections
 * without applying relocations that change nothing: on every object committed to the project, both must give what
 * the full read (every name decoded, every relocation applied) gives.
 */
class DeclarationIndexTest {
    /** Where the project keeps its compiled test objects, from this module's directory. */
    private static final List<String> OBJECT_DIRS = List.of("src/test/resources/objects",
            "../bpf-kernel/src/test/resources/bpf", "../bpf-test-harness/src/test/resources/bpf");

    static Stream<Path> committedObjects() throws IOException {
        List<Path> objects = new ArrayList<>();
        for (String dir : OBJECT_DIRS) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                files.filter(p -> p.toString().endsWith(".o")).sorted().forEach(objects::add);
            }
        }
        return objects.stream();
    }

    @Test
    void seesEveryCommittedObject() throws IOException {
        assertThat(committedObjects().count()).isGreaterThanOrEqualTo(29);
    }

    @ParameterizedTest
    @MethodSource("committedObjects")
    void findingOneNameGivesWhatTheFullReadGives(Path object) throws Exception {
        ElfFile elf = ElfFile.read(Files.readAllBytes(object), object.toString());
        Map<String, SourceLocation> full = DwarfLocations.read(elf);
        DwarfLocations.Index index = DwarfLocations.index(elf);

        Set<String> names = new LinkedHashSet<>(full.keySet());
        for (String name : full.keySet()) {
            names.add(name.substring(0, name.length() - 1)); // a prefix: the bytes match up to the NUL
            names.add(name + "x");
            names.add(name + "\0");
            names.add(name + "\uFFFD");
        }
        for (ElfSymbol s : elf.symbols()) {
            names.add(s.name());
        }
        names.add("");
        if (DwarfLocations.present(elf)) {
            assertThat(full).as("a committed object with DWARF locates something").isNotEmpty();
        }
        for (String name : names) {
            assertThat(index.find(name)).as("%s in %s", name, object).isEqualTo(Optional.ofNullable(full.get(name)));
        }
        assertThat(index.all()).isEqualTo(full);
    }

    @ParameterizedTest
    @MethodSource("committedObjects")
    void debugSectionsReadWithoutRelocatingAreTheRelocatedOnes(Path object) throws Exception {
        ElfFile elf = ElfFile.read(Files.readAllBytes(object), object.toString());
        Optional<DebugSections> read = DebugSections.of(elf);
        assertThat(read.isPresent()).isEqualTo(DwarfLocations.present(elf));
        if (read.isEmpty()) {
            return;
        }
        DebugSections s = read.get();
        assertSame(s.info, elf, ".debug_info");
        assertSame(s.line, elf, ".debug_line");
        assertSame(s.strOffsets, elf, ".debug_str_offsets");
    }

    private static void assertSame(org.ebpfj.object.bytes.ByteView fast, ElfFile elf, String name)
            throws Exception {
        Optional<ElfSection> section = elf.section(name);
        if (section.isEmpty()) {
            assertThat(fast.length()).isZero();
            return;
        }
        org.ebpfj.object.bytes.ByteView applied = DebugSections.relocated(elf, section.get());
        assertThat(fast.bytes(0, fast.length())).as(name).isEqualTo(applied.bytes(0, applied.length()));
        assertThat(fast.part()).as(name).isEqualTo(applied.part());
        assertThat(fast.absoluteStart()).as(name).isEqualTo(applied.absoluteStart());
    }
}
