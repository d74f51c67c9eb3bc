package org.ebpfj.kernel.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.LoadOptions;
import org.ebpfj.kernel.Mounts;
import org.ebpfj.kernel.RequireBpf;
import org.ebpfj.kernel.TestObjects;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapType;
import org.ebpfj.object.uapi.ProgramType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A failed load names what failed from the kernel's own answers: the program whose verifier log the kernel wrote,
 * the map the kernel refuses when created as libbpf creates it. The object has three maps and three programs, so
 * naming the first or any one would be wrong.
 */
@ExtendWith(RequireBpf.class)
class LoadFailureFactsTest {
    private static final String OBJECT = "/bpf/load_failures.bpf.o";

    private static ObjectSpec spec() {
        return TestObjects.spec(OBJECT);
    }

    private static void load(ObjectSpec spec) {
        BpfObject.load(TestObjects.bytes(OBJECT), spec, LoadOptions.defaults()).close();
    }

    @Test
    void theVerifierRejectsTheSecondProgramWhileTheFirstLoads() {
        VerifierException e = catchThrowableOfType(VerifierException.class, () -> load(spec()));
        assertThat(e.programName()).isEqualTo("reads_unchecked");
        assertThat(e.errnoConstant()).hasValue(Errno.EACCES);
        assertThat(e.reason()).contains("invalid mem access").contains("map_value_or_null");
        assertThat(e.log()).as("the kernel's log of that program, from its own buffer").contains("processed")
                .doesNotContain("BEGIN PROG LOAD LOG");
        assertThat(e.getMessage()).startsWith("the verifier rejected program 'reads_unchecked' (XDP): EACCES: ");

        // the first program is fine: without the second, the object loads
        try (BpfObject o = BpfObject.load(TestObjects.bytes(OBJECT), spec().withAutoload("reads_unchecked", false),
                LoadOptions.defaults())) {
            assertThat(o.program("counts_first").fd()).isPositive();
        }
    }

    @Test
    void aMapTooBigForAHashIsNamedWithE2big() {
        MapCreateException e = catchThrowableOfType(MapCreateException.class,
                () -> load(spec().withMaxEntries("third_table", 1L << 30)));
        assertThat(e.mapName()).isEqualTo("third_table");
        assertThat(e.errnoConstant()).hasValue(Errno.E2BIG);
        assertThat(e.spec().maxEntries()).isEqualTo(1L << 30);
        assertThat(e.spec().location().line()).as("the definition's line").isEqualTo(27);
        assertThat(e.getMessage()).startsWith("map 'third_table' (HASH) at load_failures.bpf.c:27: map create: ");
    }

    @Test
    void anArrayLargerThanTheMachinesMemoryIsNamedWithEnomem() {
        // 2^26 values of 4 KiB: 256 GiB, more than this machine's RAM, which vmalloc refuses without trying
        MapCreateException e = catchThrowableOfType(MapCreateException.class,
                () -> load(spec().withValueSize("second_slots", 4096).withMaxEntries("second_slots", 1L << 26)));
        assertThat(e.mapName()).isEqualTo("second_slots");
        assertThat(e.errnoConstant()).hasValue(Errno.ENOMEM);
        assertThat(e.spec().is(MapType.ARRAY)).isTrue();
    }

    @Test
    void whenTwoMapsWouldFailTheFirstLibbpfCreatesIsNamed() {
        MapCreateException e = catchThrowableOfType(MapCreateException.class, () -> load(spec()
                .withMaxEntries("third_table", 1L << 30)
                .withValueSize("second_slots", 4096).withMaxEntries("second_slots", 1L << 26)));
        assertThat(e.mapName()).isEqualTo("second_slots");
        assertThat(e.errnoConstant()).as("the errno of that map, not of the later one").hasValue(Errno.ENOMEM);
    }

    /** Maps of maps are created as libbpf creates them: their inner map first, which is then closed. */
    @Test
    void aRefusedMapOfMapsIsNamedAfterItsInnerMapWasCreated() {
        MapCreateException e = catchThrowableOfType(MapCreateException.class, () -> BpfObject.load(
                TestObjects.bytes(TestObjects.NET), TestObjects.spec(TestObjects.NET)
                        .withMaxEntries("outer_hash", 1L << 30), LoadOptions.defaults()).close());
        assertThat(e.mapName()).as("outer_array, before it, is created with its inner map").isEqualTo("outer_hash");
        assertThat(e.spec().is(MapType.HASH_OF_MAPS)).isTrue();
        assertThat(e.errnoConstant()).hasValue(Errno.E2BIG);
    }

    @Test
    void aProgramInASectionWithoutAProgramTypeIsNamed() {
        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class, () -> load(spec()
                .withAutoload("reads_unchecked", false).withAutoload("odd_section", true)));
        assertThat(e.programName()).isEqualTo("odd_section");
        assertThat(e.errnoConstant()).hasValue(Errno.EINVAL);
        assertThat(e.getMessage()).startsWith("cannot load program 'odd_section': EINVAL (Invalid argument): "
                + "libbpf knows no program type for its section 'no_such_program_type'");
    }

    @Test
    void aPinnedMapWithAnotherDefinitionIsNamed() throws Exception {
        Path root = Files.createTempDirectory(Mounts.ensureBpffs(), "ebpfj_loaderr");
        Path pin = root.resolve("pinned_counts");
        try {
            LoadOptions pinHere = LoadOptions.builder().pinRoot(root).build();
            TestObjects.load(TestObjects.PINNED, pinHere).close();
            assertThat(pin).as("pinned by the first load, with max_entries 8").exists();
            ObjectSpec wider = TestObjects.spec(TestObjects.PINNED).withMaxEntries("pinned_counts", 16);
            MapCreateException e = catchThrowableOfType(MapCreateException.class,
                    () -> BpfObject.load(TestObjects.bytes(TestObjects.PINNED), wider, pinHere).close());
            assertThat(e.mapName()).isEqualTo("pinned_counts");
            assertThat(e.errnoConstant()).hasValue(Errno.EINVAL);
            assertThat(e.reason()).isEqualTo("the map pinned at " + pin
                    + " has another definition, so libbpf does not reuse it (max_entries 8 pinned, 16 here)");
        } finally {
            for (Path p : List.of(pin, root)) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The classifier decides from the facts; libbpf's text is carried for people, never read. */
    @Test
    void libbpfsWordsDoNotDecide() {
        LoadFacts.Program first = new LoadFacts.Program("first", ProgramType.XDP.id(), "xdp");
        LoadFacts.Program second = new LoadFacts.Program("second", ProgramType.XDP.id(), "xdp");
        String misleading = "map 'first_counts': failed to create\nprog 'first': BPF program load failed";
        BpfException e = LoadErrors.classify(facts(13, misleading,
                Optional.of(new LoadFacts.RejectedProgram(second, "R0 invalid mem access 'scalar'\n")),
                Optional.empty(), List.of(first, second)));
        assertThat(e).isInstanceOfSatisfying(VerifierException.class,
                v -> assertThat(v.programName()).isEqualTo("second"));

        MapSpec refused = MapSpec.builder("third", MapType.HASH).keySize(4).valueSize(8).maxEntries(1 << 30)
                .build();
        BpfException m = LoadErrors.classify(facts(7, misleading, Optional.empty(),
                Optional.of(new LoadFacts.RefusedMap(refused, 7, "")), List.of(first, second)));
        assertThat(m).isInstanceOfSatisfying(MapCreateException.class,
                c -> assertThat(c.mapName()).isEqualTo("third"));

        BpfException other = LoadErrors.classify(facts(7, misleading, Optional.empty(),
                Optional.of(new LoadFacts.RefusedMap(refused, 12, "")), List.of(first, second)));
        assertThat(other).as("a replay that answers another errno than libbpf got does not explain it")
                .isInstanceOf(ObjectLoadException.class).hasMessageContaining("E2BIG");
    }

    /**
     * ESRCH from libbpf's search for the kernel's BTF. This machine and the CI guests have BTF, so only the
     * classifier's side is shown here: the fact decides, and with BTF present the same errno is not blamed on it.
     */
    @Test
    void esrchWithoutKernelBtfNamesTheMissingBtf() {
        LoadFacts withoutBtf = new LoadFacts("core", 3, "", Optional.empty(), Optional::empty, List.of(), false);
        assertThat(LoadErrors.classify(withoutBtf)).isInstanceOfSatisfying(UnsupportedFeatureException.class,
                u -> assertThat(u.feature()).isEqualTo("kernel BTF (/sys/kernel/btf/vmlinux)"))
                .hasMessageContaining("CONFIG_DEBUG_INFO_BTF");
        LoadFacts withBtf = new LoadFacts("core", 3, "", Optional.empty(), Optional::empty, List.of(), true);
        assertThat(LoadErrors.classify(withBtf)).isInstanceOf(ObjectLoadException.class);
    }

    private static LoadFacts facts(int errno, String warnings, Optional<LoadFacts.RejectedProgram> rejected,
                                   Optional<LoadFacts.RefusedMap> map, List<LoadFacts.Program> programs) {
        return new LoadFacts("facts", errno, warnings, rejected, () -> map, programs, true);
    }
}
