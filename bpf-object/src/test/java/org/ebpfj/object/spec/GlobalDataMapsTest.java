package org.ebpfj.object.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebpfj.object.spec.MapExpectation.map;
import static org.ebpfj.object.testing.TestSources.lineOf;

import java.util.Optional;

import org.ebpfj.object.testing.ElfBytes;
import org.ebpfj.object.testing.TestObjects;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;

/** The maps libbpf synthesizes for global variables and .kconfig externs (global_data.bpf.c). */
class GlobalDataMapsTest {
    private static final String SRC = "global_data.bpf.c";
    private static final long RDONLY = MapFlag.RDONLY_PROG.mask();
    private static final long MMAP = MapFlag.MMAPABLE.mask();

    private static SourceLocation decl(String needle) {
        return new SourceLocation("objects/" + SRC, lineOf(SRC, needle), 0);
    }

    @Test
    void readsOneArrayMapPerDataSectionAndTheKconfigMap() throws Exception {
        ObjectSpec spec = ObjectSpecReader.read(TestObjects.bytes(TestObjects.GLOBAL_DATA), "global_data.bpf.o");

        assertThat(spec.name()).isEqualTo("global_data");
        assertThat(spec.license()).isEqualTo("GPL");
        assertThat(spec.problems()).isEmpty();
        assertThat(spec.notes()).isEmpty();
        assertThat(spec.maps()).extracting(MapSpec::name).containsExactly("global_d.data", "global_d.rodata",
                ".data.custom", ".data.hidden", "global_d.bss", ".rodata.str1.1", "global_.kconfig");

        // Sizes come from the ELF section headers: clang writes 0 as the DATASEC size.
        map("global_d.data", MapType.ARRAY).sizes(4, 16, 1).flags(MMAP).types(null, ".data")
                .origin(MapOrigin.GLOBAL_DATA, ".data").at(decl("int packets_seen")).check(spec.maps().get(0));
        map("global_d.rodata", MapType.ARRAY).sizes(4, 16, 1).flags(RDONLY | MMAP).types(null, ".rodata")
                .origin(MapOrigin.GLOBAL_DATA, ".rodata").at(decl("__u32 target_pid")).check(spec.maps().get(1));
        map(".data.custom", MapType.ARRAY).sizes(4, 8, 1).flags(MMAP).types(null, ".data.custom")
                .origin(MapOrigin.GLOBAL_DATA, ".data.custom").at(decl("__u64 custom_hits"))
                .check(spec.maps().get(2));
        // Only a static variable: libbpf does not make it mmap-able (map_is_mmapable).
        map(".data.hidden", MapType.ARRAY).sizes(4, 4, 1).types(null, ".data.hidden")
                .origin(MapOrigin.GLOBAL_DATA, ".data.hidden").at(decl("static __u32 hidden_counter"))
                .check(spec.maps().get(3));
        map("global_d.bss", MapType.ARRAY).sizes(4, 12, 1).flags(MMAP).types(null, ".bss")
                .origin(MapOrigin.GLOBAL_DATA, ".bss").at(decl("__u64 total_bytes")).check(spec.maps().get(4));
        // String literals only: a map of its own, named after the section alone, without BTF and without variables.
        map(".rodata.str1.1", MapType.ARRAY).sizes(4, "open by %d\n".length() + 1, 1).flags(RDONLY)
                .origin(MapOrigin.GLOBAL_DATA, ".rodata.str1.1").at(SourceLocation.ofObject("global_data.bpf.o"))
                .check(spec.maps().get(5));
        // u64 at 0, two ints at 8 and 12, bool at 16, char[16] at 17: libbpf's (align desc, size, name) layout.
        map("global_.kconfig", MapType.ARRAY).sizes(4, 33, 1).flags(RDONLY | MMAP).types(null, ".kconfig")
                .origin(MapOrigin.KCONFIG, ".kconfig").at(decl("LINUX_KERNEL_VERSION __kconfig"))
                .check(spec.maps().get(6));
    }

    @Test
    void namesFollowLibbpfForAnyObjectName() throws Exception {
        ObjectSpec spec = ObjectSpecReader.read(TestObjects.bytes(TestObjects.GLOBAL_DATA),
                "/build/a-very-long-object-name.bpf.o");

        assertThat(spec.name()).isEqualTo("a-very-long-obj");
        assertThat(spec.maps()).extracting(MapSpec::name).containsExactly("a_very_l.data", "a_very_l.rodata",
                ".data.custom", ".data.hidden", "a_very_l.bss", ".rodata.str1.1", "a_very_.kconfig");
    }

    @Test
    void withoutBtfTheMapsRemainButTypesMmapAndVariablesAreGoneAndExternsFail() throws Exception {
        byte[] bytes = new ElfBytes(TestObjects.bytes(TestObjects.GLOBAL_DATA)).rename(".BTF", ".BTX").bytes();
        ObjectSpec spec = ObjectSpecReader.read(bytes, "global_data.bpf.o");

        assertThat(spec.btf()).isEmpty();
        assertThat(spec.variables()).as("variables are found through BTF").isEmpty();
        assertThat(spec.notes()).anySatisfy(n -> assertThat(n).startsWith("no .BTF section"));
        assertThat(spec.maps()).extracting(MapSpec::name).containsExactly("global_d.data", "global_d.rodata",
                ".data.custom", ".data.hidden", "global_d.bss", ".rodata.str1.1");
        assertThat(spec.maps()).allSatisfy(m -> {
            assertThat(m.valueType()).isEmpty();
            assertThat(m.hasFlag(MapFlag.MMAPABLE)).isFalse();
        });
        assertThat(spec.map("global_d.rodata").orElseThrow().flags()).isEqualTo(RDONLY);
        // libbpf: find_extern_btf_id() without BTF is -ESRCH, and opening fails.
        assertThat(spec.problems()).extracting(SpecProblem::code).containsOnly(ProblemCodes.EXTERN_UNSUPPORTED);
        assertThat(spec.problems()).extracting(SpecProblem::errno).containsOnly(Optional.of(Errno.ESRCH));
        assertThat(spec.problems()).extracting(SpecProblem::message).containsExactlyInAnyOrder(
                "failed to find BTF for extern 'LINUX_KERNEL_VERSION': the object has no BTF",
                "failed to find BTF for extern 'CONFIG_HZ': the object has no BTF",
                "failed to find BTF for extern 'CONFIG_BPF_SYSCALL': the object has no BTF",
                "failed to find BTF for extern 'CONFIG_LOCALVERSION': the object has no BTF",
                "failed to find BTF for extern 'CONFIG_NR_CPUS': the object has no BTF");
    }

    @Test
    void legacyMapsSectionIsReadAndRefused() throws Exception {
        ObjectSpec spec = ObjectSpecReader.read(TestObjects.bytes(TestObjects.LEGACY_MAPS), "legacy_maps.bpf.o");
        String src = "legacy_maps.bpf.c";

        assertThat(spec.problems()).containsExactly(new SpecProblem("", ProblemCodes.LEGACY_MAPS_SECTION,
                Optional.of(Errno.EOPNOTSUPP), "legacy map definitions in 'maps' section are not supported by"
                        + " libbpf v1.0+: use BTF-defined maps in SEC(\".maps\")",
                SourceLocation.ofObject("legacy_maps.bpf.o")));
        assertThat(spec.maps()).hasSize(2);
        map("legacy_hash", MapType.HASH).sizes(4, 8, 512).origin(MapOrigin.LEGACY, "maps")
                .at(new SourceLocation("objects/" + src, lineOf(src, "legacy_hash SEC"), 0))
                .check(spec.maps().get(0));
        map("legacy_array", MapType.ARRAY).sizes(4, 16, 4).flags(RDONLY).origin(MapOrigin.LEGACY, "maps")
                .at(new SourceLocation("objects/" + src, lineOf(src, "legacy_array SEC"), 0))
                .check(spec.maps().get(1));
        assertThat(spec.programs()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("legacy_filter");
            assertThat(p.section()).isEqualTo("socket");
        });
    }
}
