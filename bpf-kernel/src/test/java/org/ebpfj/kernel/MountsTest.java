package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ebpfj.kernel.error.MapOperationException;
import org.ebpfj.kernel.map.IntIntMap;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.program.TestRunOptions;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RequireBpf.class)
class MountsTest {
    @Test
    void tracefsAndBpffsAreMountedOnDemand() {
        assertThat(Mounts.ensureTracefs()).isEqualTo(Mounts.TRACEFS);
        assertThat(Mounts.isTracefsMounted()).isTrue();
        assertThat(Files.exists(Mounts.TRACEFS.resolve("events/syscalls/sys_enter_execve/id"))).isTrue();
        assertThat(Mounts.ensureBpffs()).isEqualTo(Mounts.BPFFS);
        assertThat(Mounts.isBpffsMounted()).isTrue();
        assertThat(Mounts.ensureBpffs()).as("idempotent").isEqualTo(Mounts.BPFFS);
    }

    @Test
    void pinnedMapsCanBeReopened() throws Exception {
        Path pin = Mounts.ensureBpffs().resolve("ebpfj_test_" + ProcessHandle.current().pid());
        try (IntIntMap m = RawMap.create(MapSpec.builder("pinned", MapType.HASH).keySize(4).valueSize(4)
                .maxEntries(4).build()).intInt()) {
            m.put(1, 2);
            m.raw().pin(pin);
            try (IntIntMap again = RawMap.openPinned(pin).intInt()) {
                assertThat(again.lookup(1)).hasValue(2);
                assertThat(again.raw().info().id()).isEqualTo(m.raw().info().id());
            }
        } finally {
            Files.deleteIfExists(pin);
        }
    }

    @Test
    void openingANonexistentPinSaysSo() {
        Path missing = Mounts.ensureBpffs().resolve("ebpfj_does_not_exist");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RawMap.openPinned(missing))
                .isInstanceOf(MapOperationException.class).hasMessageContaining("nothing is pinned at " + missing);
    }

    /** libbpf pins by-name maps under the pin root; the pin outlives the object and the next load reuses it. */
    @Test
    void pinnedMapsOfAnObjectSurviveItAndAreReused() throws Exception {
        Path root = Mounts.ensureBpffs().resolve("ebpfj_pins_" + ProcessHandle.current().pid());
        Files.createDirectories(root);
        LoadOptions options = LoadOptions.builder().pinRoot(root).build();
        try {
            try (BpfObject o = TestObjects.load(TestObjects.PINNED, options)) {
                assertThat(o.pinPath("pinned_counts")).hasValue(root.resolve("pinned_counts"));
                o.program("count_pinned").testRun(TestRunOptions.zeroPacket(64));
            }
            assertThat(Files.exists(root.resolve("pinned_counts"))).as("the pin outlives the object").isTrue();
            try (BpfObject o = TestObjects.load(TestObjects.PINNED, options)) {
                o.program("count_pinned").testRun(TestRunOptions.zeroPacket(64));
                assertThat(o.map("pinned_counts", Integer.class, Long.class).lookup(0)).as("reused").hasValue(2L);
            }
        } finally {
            Files.deleteIfExists(root.resolve("pinned_counts"));
            Files.deleteIfExists(root);
        }
    }
}
