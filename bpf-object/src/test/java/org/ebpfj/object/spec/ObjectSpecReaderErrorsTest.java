package org.ebpfj.object.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.btf.BtfFormatException;
import org.ebpfj.object.elf.ElfFormatException;
import org.ebpfj.object.elf.ElfSection;
import org.ebpfj.object.testing.ElfBytes;
import org.ebpfj.object.testing.TestObjects;
import org.ebpfj.object.uapi.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the whole reader does with broken objects: typed errors for unreadable ones, notes for weaker debug info. */
class ObjectSpecReaderErrorsTest {

    @Test
    void readsFromAPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("maps_valid.bpf.o");
        Files.write(file, TestObjects.bytes(TestObjects.MAPS_VALID));
        ObjectSpec spec = ObjectSpecReader.read(file);
        assertThat(spec.file()).isEqualTo(file.toString());
        assertThat(spec.name()).isEqualTo("maps_valid");
        assertThat(spec.maps()).hasSize(15);
    }

    @Test
    void everyTruncationIsATypedErrorSayingWhere() {
        byte[] full = TestObjects.bytes(TestObjects.MAPS_VALID);
        for (int len : new int[] {0, 3, 16, 63, 64, 200, full.length / 2, full.length - 64, full.length - 1}) {
            byte[] cut = Arrays.copyOf(full, len);
            assertThatThrownBy(() -> ObjectSpecReader.read(cut, "cut.o")).as("truncated to " + len)
                    .isInstanceOf(ElfFormatException.class)
                    .hasMessageStartingWith("cut.o");
        }
    }

    @Test
    void wrongMachineIsATypedErrorNamingIt() {
        byte[] o = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID)).put16(18, 62).bytes();
        assertThatThrownBy(() -> ObjectSpecReader.read(o, "host.o"))
                .isInstanceOf(ElfFormatException.class)
                .hasMessage("host.o at offset 18: x86-64 object, not BPF: compile with clang -target bpf");
    }

    @Test
    void corruptedSectionOffsetsAreTypedErrors() {
        ElfBytes e = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        int btf = e.sectionIndex(".BTF");
        e.set(btf, ElfBytes.Shdr.OFFSET, e.bytes().length - 16);
        assertThatThrownBy(() -> ObjectSpecReader.read(e.bytes(), "x.o"))
                .isInstanceOf(ElfFormatException.class)
                .hasMessageContaining("section #" + btf + " (offset " + (e.bytes().length - 16) + ", size ")
                .hasMessageContaining("lies outside the " + e.bytes().length + "-byte file");
    }

    @Test
    void corruptedBtfIsFatalWhenMapsNeedIt() {
        ElfBytes bad = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        bad.put16(bad.sectionOffset(".BTF"), 0x1234);
        assertThatThrownBy(() -> ObjectSpecReader.read(bad.bytes(), "x.o"))
                .isInstanceOf(BtfFormatException.class)
                .hasMessageContaining("bad magic 0x1234 (BTF starts with 0xeb9f)");

        ElfBytes types = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        // btf_header.type_len: the type section now runs past the blob.
        types.put32(types.sectionOffset(".BTF") + 12, 0x100000);
        assertThatThrownBy(() -> ObjectSpecReader.read(types.bytes(), "x.o"))
                .isInstanceOf(BtfFormatException.class)
                .hasMessageContaining("BTF type section");
    }

    @Test
    void corruptedBtfIsIgnoredWithANoteWhenNothingNeedsIt() throws Exception {
        ElfBytes e = new ElfBytes(TestObjects.bytes(TestObjects.PROGRAMS));
        e.put16(e.sectionOffset(".BTF"), 0x1234);
        ObjectSpec spec = ObjectSpecReader.read(e.bytes(), "programs.bpf.o");
        assertThat(spec.btf()).isEmpty();
        assertThat(spec.programs()).hasSize(22);
        assertThat(spec.notes()).singleElement().asString()
                .startsWith("the .BTF section is corrupted and ignored").contains("bad magic 0x1234");
    }

    static Stream<Arguments> sectionsOfTheWrongType() {
        return Stream.of(Arguments.of(".BTF", ElfSection.SHT_NOBITS, "section .BTF has type 8"),
                // a stripped object: its symbol table is no longer one
                Arguments.of(".symtab", ElfSection.SHT_PROGBITS, "no symbol table (.symtab)"));
    }

    @ParameterizedTest(name = "{0} of type {1}")
    @MethodSource("sectionsOfTheWrongType")
    void aSectionOfTheWrongTypeIsAFormatError(String section, int type, String message) {
        ElfBytes e = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        e.set(e.sectionIndex(section), ElfBytes.Shdr.TYPE, type);
        assertThatThrownBy(() -> ObjectSpecReader.read(e.bytes(), "x.o"))
                .isInstanceOf(ElfFormatException.class).hasMessageContaining(message);
    }

    @Test
    void mapsWithoutBtfAreAProblemNotACrash() throws Exception {
        byte[] bytes = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID)).rename(".BTF", ".BTX").bytes();
        ObjectSpec spec = ObjectSpecReader.read(bytes, "maps_valid.bpf.o");
        assertThat(spec.btf()).isEmpty();
        assertThat(spec.maps()).isEmpty();
        assertThat(spec.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.BTF_REQUIRED);
            assertThat(p.errno()).contains(Errno.ENOENT);
            assertThat(p.message()).startsWith("BTF is required, but is missing or corrupted");
        });
        assertThat(spec.programs()).hasSize(3);
    }

    @Test
    void withoutDwarfLocationsAreTheObjectFile() throws Exception {
        byte[] bytes = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID)).rename(".debug_info", ".debug_xxxx")
                .bytes();
        ObjectSpec spec = ObjectSpecReader.read(bytes, "maps_valid.bpf.o");
        assertThat(spec.maps()).hasSize(15).allSatisfy(m ->
                assertThat(m.location()).isEqualTo(SourceLocation.ofObject("maps_valid.bpf.o")));
        assertThat(spec.programs()).allSatisfy(p ->
                assertThat(p.location()).isEqualTo(SourceLocation.ofObject("maps_valid.bpf.o")));
        assertThat(spec.notes()).containsExactly("no DWARF debug info (compile with -g): locations are the object"
                + " file");
    }

    @Test
    void malformedDwarfDegradesToObjectFileLocationsWithANote() throws Exception {
        ElfBytes e = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID));
        e.put16(e.sectionOffset(".debug_info") + 4, 77);
        ObjectSpec spec = ObjectSpecReader.read(e.bytes(), "maps_valid.bpf.o");
        assertThat(spec.maps()).hasSize(15).allSatisfy(m ->
                assertThat(m.location()).isEqualTo(SourceLocation.ofObject("maps_valid.bpf.o")));
        assertThat(spec.problems()).isEmpty();
        assertThat(spec.notes()).singleElement().asString()
                .startsWith("DWARF debug info is unreadable, locations are the object file")
                .contains("unsupported DWARF version 77");
    }

    @Test
    void aProgramCrossingItsSectionIsAProblemWithoutErrno() throws Exception {
        ElfBytes e = new ElfBytes(TestObjects.bytes(TestObjects.PROGRAMS));
        // Grow the first program symbol (on_unlink, after the null, file and section symbols) past its section.
        var elf = org.ebpfj.object.elf.ElfFile.read(e.bytes().clone(), "p");
        var sym = elf.symbols().stream().filter(s -> s.name().equals("on_unlink")).findFirst().orElseThrow();
        e.put64(e.sectionOffset(".symtab") + 24 * sym.index() + 16, 4096);
        ObjectSpec spec = ObjectSpecReader.read(e.bytes(), "programs.bpf.o");
        assertThat(spec.program("on_unlink")).isEmpty();
        assertThat(spec.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.PROGRAM_CORRUPT);
            assertThat(p.errno()).isEqualTo(Optional.empty());
            assertThat(p.message()).isEqualTo("sec 'kprobe/do_unlinkat': program at offset 0 crosses section"
                    + " boundary");
        });
    }

    @Test
    void errorsCarryPartAndOffset() {
        byte[] o = new ElfBytes(TestObjects.bytes(TestObjects.MAPS_VALID)).put16(16, 2).bytes();
        assertThatThrownBy(() -> ObjectSpecReader.read(o, "exe"))
                .isInstanceOfSatisfying(ObjectFormatException.class, ex -> {
                    assertThat(ex.part()).isEqualTo("exe");
                    assertThat(ex.offset()).isEqualTo(16);
                });
    }
}
