package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.ebpfj.kernel.error.MapCreateException;
import org.ebpfj.kernel.error.VerifierException;
import org.ebpfj.kernel.map.MapInfo;
import org.ebpfj.kernel.program.TestRunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Loading and closing an object many times leaves nothing behind: no file descriptors in this process and no
 * maps, programs or BTF objects in the kernel (the kernel frees them after the last reference, sometimes a little
 * later, so the check polls).
 */
@ExtendWith(RequireBpf.class)
class LeakTest {
    private static final int CYCLES = 10_000;

    @Test
    void tenThousandLoadCloseCyclesLeaveNothingBehind() throws Exception {
        byte[] object = TestObjects.bytes(TestObjects.SMALL);
        // warm up libbpf's feature probes and the JIT before counting
        BpfObject.load(object, "small", LoadOptions.defaults()).close();
        List<String> bpfFdsBefore = KernelObjects.heldFds();
        long fdsBefore = fdCount();
        Set<Integer> maps = new HashSet<>();
        Set<Integer> programs = new HashSet<>();
        Set<Integer> btfs = new HashSet<>();

        long start = System.nanoTime();
        for (int i = 0; i < CYCLES; i++) {
            try (BpfObject o = BpfObject.load(object, "small", LoadOptions.defaults())) {
                if (i % 100 == 0) {
                    // every 100th cycle also touches the handles, so their paths are covered too
                    MapInfo info = o.rawMap("counts").info();
                    maps.add(info.id());
                    btfs.add(info.btfId());
                    programs.add(o.program("count_packets").info().id());
                    o.rawMap("counts").intInt().put(0, i);
                    o.program("count_packets").testRun(TestRunOptions.zeroPacket(64));
                }
            }
        }
        long elapsed = System.nanoTime() - start;
        System.out.printf("LeakTest: %d load/close cycles of small.bpf.o took %.1f s (%.2f ms per cycle)%n",
                CYCLES, elapsed / 1e9, elapsed / 1e6 / CYCLES);

        assertThat(KernelObjects.heldFds()).as("BPF file descriptors of this process").isEqualTo(bpfFdsBefore);
        assertThat(fdCount()).as("all file descriptors of this process").isLessThanOrEqualTo(fdsBefore + 4);
        assertThat(KernelObjects.awaitGone(maps, KernelObjects::mapIds, 10_000)).as("maps left").isEmpty();
        assertThat(KernelObjects.awaitGone(programs, KernelObjects::programIds, 10_000)).as("programs left")
                .isEmpty();
        assertThat(KernelObjects.awaitGone(btfs, KernelObjects::btfIds, 10_000)).as("BTF objects left").isEmpty();
    }

    @Test
    void failedLoadsLeaveNothingBehind() throws Exception {
        List<String> before = KernelObjects.heldFds();
        for (int i = 0; i < 200; i++) {
            try {
                TestObjects.load(TestObjects.VERIFIER_REJECT).close();
            } catch (VerifierException expected) {
                // the map was created before the program failed; it must be gone again
            }
            try {
                TestObjects.load(TestObjects.ARRAY_KEY8).close();
            } catch (MapCreateException expected) {
                // nothing created
            }
        }
        assertThat(KernelObjects.heldFds()).isEqualTo(before);
    }

    private static long fdCount() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
