package org.ebpfj.examples.events;

import static org.ebpfj.harness.assertions.BpfAssertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.assertj.core.api.Assertions;
import org.ebpfj.harness.Attach;
import org.ebpfj.harness.BpfTest;
import org.ebpfj.harness.Global;
import org.ebpfj.harness.GlobalRef;
import org.ebpfj.harness.MapRef;
import org.ebpfj.harness.ProgramRef;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.kernel.GlobalVariable;
import org.ebpfj.kernel.event.PerfBufferReader;
import org.ebpfj.kernel.event.RingBufferReader;
import org.junit.jupiter.api.Test;

/**
 * Starting a process fires {@code sys_enter_execve}; the program reports the start of each child of this JVM
 * through a ring buffer and a perf buffer. Each test starts its own child and waits for that child's event.
 */
@BpfTest(object = "bpf/execs.bpf.o", globals = @Global(name = "target_ppid", value = Global.TEST_JVM_PID))
class ExecEventsTest {
    private static final Duration WITHIN = Duration.ofSeconds(2);

    @MapRef("exec_ring")
    RingBufferReader<ExecEvent> ring;

    @MapRef("exec_perf")
    PerfBufferReader<ExecEvent> perf;

    @Attach
    @ProgramRef("report_exec")
    BpfProgram reportExec;

    @GlobalRef("ring_dropped")
    GlobalVariable ringDropped;

    /** Starts {@code /bin/true} and waits for it; returns its pid. */
    private static long startTrue() throws Exception {
        Process child = new ProcessBuilder("/bin/true").start();
        Assertions.assertThat(child.waitFor()).isZero();
        return child.pid();
    }

    private static boolean isTrue(ExecEvent e) {
        return Path.of(e.filename()).getFileName().toString().equals("true");
    }

    @Test
    void theChildsStartArrivesThroughTheRingBuffer() throws Exception {
        long pid = startTrue();

        assertThat(ring).receivesMatching(e -> e.pid() == pid && isTrue(e), "pid " + pid + " executing true", WITHIN)
                .allMatch(e -> e.ppid() == ProcessHandle.current().pid(), "a child of this JVM")
                .hasNoLostEvents(ringDropped);
    }

    @Test
    void theChildsStartArrivesThroughThePerfBuffer() throws Exception {
        long pid = startTrue();

        assertThat(perf).receivesMatching(e -> e.pid() == pid && isTrue(e), "pid " + pid + " executing true", WITHIN)
                .hasEventWith(ExecEvent::pid, (int) pid)
                .hasNoLostEvents();
    }

    @Test
    void bothBuffersCarryTheSameEvents() throws Exception {
        long pid = startTrue();

        var fromRing = assertThat(ring).receivesMatching(e -> e.pid() == pid && isTrue(e), "the child", WITHIN)
                .events();
        var fromPerf = assertThat(perf).receives(fromRing.size(), WITHIN).events();
        // A perf buffer is drained CPU by CPU: the same events, in any order when the child moved between CPUs.
        Assertions.assertThat(fromPerf).containsExactlyInAnyOrderElementsOf(fromRing);
    }
}
