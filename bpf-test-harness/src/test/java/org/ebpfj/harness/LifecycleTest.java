package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.KernelObjects;
import org.ebpfj.kernel.error.MapCreateException;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.kernel.program.TestRunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Whatever a test opened is gone after it: maps, programs and links in the kernel, descriptors in this process,
 * pins in bpffs. Checked after tests that fail, after a failed load, and for pinned maps.
 */
@ExtendWith(RequireKernelAccess.class)
class LifecycleTest {
    private static final SeenIds SEEN = new SeenIds();
    private static final Set<Path> PINS = ConcurrentHashMap.newKeySet();

    @TestKit.Fixture
    @BpfTest(object = "bpf/hash_vs_lru.bpf.o")
    static class TestsThatFail {
        BpfObject object;
        @Attach @ProgramRef("fill_on_execve") BpfProgram attached;

        @Test
        void failsWithAnAssertion() {
            record(object);
            SEEN.links.addAll(KernelObjects.linkIds());
            throw new AssertionError("this test fails on purpose");
        }

        @Test
        void failsWithAnException(@Attach @ProgramRef("fill_on_execve") BpfProgram attachedAgain) {
            record(object);
            throw new IllegalStateException("this test fails on purpose, with a second link");
        }
    }

    @TestKit.Fixture
    @BpfTest(object = "bpf/array_key8.bpf.o")
    static class LoadThatFails {
        @Test
        void needsTheObject(BpfObject object) {
        }
    }

    @TestKit.Fixture
    @BpfTest(object = "bpf/pinned.bpf.o")
    static class PinnedMaps {
        @Test
        void pinnedMapsLiveInTheTestsOwnDirectory(BpfObject object, @ProgramRef("count_pinned") BpfProgram p) {
            record(object);
            Path pin = object.pinPath("pinned_counts").orElseThrow();
            PINS.add(pin);
            assertThat(pin).exists();
            assertThat(pin.getParent().getFileName().toString()).startsWith("ebpfj-test-");
            p.testRun(TestRunOptions.zeroPacket(64));
            assertThat(object.rawMap("pinned_counts").intLong().count()).as("a fresh map, not an earlier test's pin")
                    .isEqualTo(1);
        }

        @Test
        void secondTestGetsItsOwnPins(BpfObject object, @ProgramRef("count_pinned") BpfProgram p) {
            pinnedMapsLiveInTheTestsOwnDirectory(object, p);
        }
    }

    /** With a per-class object, a program attached for a test is still detached after that test. */
    @TestKit.Fixture
    @BpfTest(object = "bpf/kinds.bpf.o", lifecycle = BpfTest.Lifecycle.PER_CLASS)
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
    static class PerClassAttach {
        static volatile Set<Integer> linksBefore = Set.of();
        static final Set<Integer> FIRST_TESTS_LINKS = ConcurrentHashMap.newKeySet();
        @Attach @ProgramRef("count_getppid") BpfProgram onGetppid;

        @Test
        @org.junit.jupiter.api.Order(1)
        void first() {
            FIRST_TESTS_LINKS.addAll(KernelObjects.linkIds());
            FIRST_TESTS_LINKS.removeAll(linksBefore);
            assertThat(FIRST_TESTS_LINKS).hasSize(1);
        }

        @Test
        @org.junit.jupiter.api.Order(2)
        void second() {
            assertThat(TestKit.stillPresent(FIRST_TESTS_LINKS, KernelObjects::linkIds)).as("the first test's link")
                    .isEmpty();
        }
    }

    private static void record(BpfObject object) {
        for (String m : object.mapNames()) {
            SEEN.maps.add(object.rawMap(m).info().id());
        }
        for (BpfProgram p : object.programs()) {
            if (p.isLoaded()) {
                SEEN.programs.add(p.info().id());
            }
        }
    }

    @Test
    void failingTestsLeaveNothingOpen() {
        List<String> fdsBefore = TestKit.bpfFds();
        Set<Integer> linksBefore = KernelObjects.linkIds();

        EngineExecutionResults r = TestKit.run(TestsThatFail.class);

        r.testEvents().assertStatistics(s -> s.started(2).failed(2));
        assertThat(TestKit.failureOf(r, "failsWithAnAssertion")).contains("fails on purpose");
        SEEN.links.removeAll(linksBefore);
        assertThat(SEEN.links).as("the test saw its attached link").isNotEmpty();
        assertThat(SEEN.maps).isNotEmpty();
        SEEN.assertNoneLeft();
        assertThat(KernelObjects.linkIds()).as("all links").isEqualTo(linksBefore);
        assertThat(TestKit.bpfFds()).as("BPF descriptors of this process").isEqualTo(fdsBefore);
    }

    @Test
    void aFailedLoadFailsTheTestWithTheKernelsReasonAndLeavesNothing() {
        List<String> fdsBefore = TestKit.bpfFds();

        EngineExecutionResults r = TestKit.run(LoadThatFails.class);

        r.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(TestKit.failureOf(r, "needsTheObject")).startsWith(MapCreateException.class.getSimpleName())
                .contains("map 'wide_key_array' (ARRAY)").contains("(EINVAL)")
                .as("the offline rules explain the kernel's answer").contains("[array.key-size]");
        assertThat(TestKit.bpfFds()).isEqualTo(fdsBefore);
    }

    @Test
    void linksOfAPerClassObjectAreDetachedAfterEachTest() {
        PerClassAttach.linksBefore = KernelObjects.linkIds();

        TestKit.assertAllSucceeded(TestKit.run(PerClassAttach.class), 2);

        assertThat(KernelObjects.linkIds()).isEqualTo(PerClassAttach.linksBefore);
    }

    @Test
    void pinnedMapsAreUnpinnedAfterTheTest() {
        TestKit.assertAllSucceeded(TestKit.run(PinnedMaps.class), 2);

        assertThat(PINS).hasSize(2);
        for (Path pin : PINS) {
            assertThat(pin).doesNotExist();
            assertThat(pin.getParent()).doesNotExist();
        }
        assertThat(TestKit.stillPresent(SEEN.maps, KernelObjects::mapIds)).as("maps left").isEmpty();
        assertThat(Files.exists(Path.of("/sys/fs/bpf/pinned_counts"))).as("nothing pinned at libbpf's default root")
                .isFalse();
    }
}
