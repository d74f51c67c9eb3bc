package org.ebpfj.kernel.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.Kernel;
import org.ebpfj.kernel.LoadOptions;
import org.ebpfj.kernel.MachineLimit;
import org.ebpfj.kernel.RequireBpf;
import org.ebpfj.kernel.error.AttachException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The explicit attach API against the kernel: each kind fires its program, or names the machine's known limit. */
@ExtendWith(RequireBpf.class)
class AttachmentsTest {
    private static final int PID = (int) ProcessHandle.current().pid();
    private static final MethodHandle GETPID = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("getpid").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT));

    private static BpfObject load() {
        byte[] bytes = BpfObject.resourceBytes(AttachmentsTest.class, "/bpf/attach.bpf.o");
        return BpfObject.load(bytes, BpfObject.readSpec(bytes, "attach.bpf.o").withInt("target_pid", PID),
                LoadOptions.defaults());
    }

    @Test
    void rawTracepointFiresOnThisProcessesSyscalls() throws Exception {
        try (BpfObject o = load();
             BpfLink link = Attachments.rawTracepoint(o.program("on_raw_tp"), "sys_enter")) {
            assertThat(link.target()).isEqualTo("raw_tp sys_enter");
            for (int i = 0; i < 10; i++) {
                Files.exists(Path.of("/proc/self/status"));
            }
            assertThat(o.variable("raw_tp_hits").getLong()).isPositive();
        }
    }

    @Test
    void perfEventOnTheSoftwareCpuClockSamples() throws Exception {
        try (BpfObject o = load()) {
            List<BpfLink> links = new ArrayList<>();
            var cpus = Kernel.onlineCpus();
            for (int cpu = cpus.nextSetBit(0); cpu >= 0; cpu = cpus.nextSetBit(cpu + 1)) {
                links.add(Attachments.cpuClock(o.program("on_perf_event"), cpu, 1000));
            }
            long end = System.nanoTime() + 200_000_000L;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            assertThat(o.variable("perf_event_hits").getLong()).isGreaterThan(10);
            links.forEach(BpfLink::close);
            long after = o.variable("perf_event_hits").getLong();
            Thread.sleep(50);
            assertThat(o.variable("perf_event_hits").getLong()).as("detached: no more samples").isEqualTo(after);
        }
    }

    @Test
    void uprobeAndUretprobeOnALibcSymbolCountThisProcessesCalls() throws Throwable {
        Path libc = libc();
        try (BpfObject o = load();
             BpfLink entry = Attachments.uprobe(o.program("on_uprobe"), libc, "getpid", PID, false);
             BpfLink exit = Attachments.uprobe(o.program("on_uretprobe"), libc, "getpid", PID, true)) {
            for (int i = 0; i < 5; i++) {
                int ignored = (int) GETPID.invokeExact();
            }
            assertThat(o.variable("uprobe_hits").getLong()).isGreaterThanOrEqualTo(5);
            assertThat(o.variable("uretprobe_hits").getLong()).isGreaterThanOrEqualTo(5);
            assertThat(entry.target()).contains("uprobe").contains("getpid").contains("pid " + PID);
        }
    }

    @Test
    void uprobeOnAMissingSymbolSaysWhich() {
        try (BpfObject o = load()) {
            assertThatThrownBy(() -> Attachments.uprobe(o.program("on_uprobe"), libc(), "no_such_fn", PID, false))
                    .isInstanceOf(AttachException.class).hasMessageContaining("no_such_fn");
        }
    }

    @Test
    void kprobeAttachesOrTheMachineHasNoKprobes() {
        try (BpfObject o = load()) {
            try (BpfLink link = Attachments.kprobe(o.program("on_kprobe"), "do_sys_openat2", false)) {
                Files.exists(Path.of("/proc/self/status"));
                assertThat(o.variable("kprobe_hits").getLong()).isPositive();
            } catch (AttachException e) {
                // Only the named limit excuses the refusal; any other machine fails here.
                assertThat(MachineLimit.NO_KPROBES.isPresent()).as("kprobe refused without the known limit: %s",
                        e.getMessage()).isTrue();
                System.out.println("[ebpfj] KNOWN MACHINE LIMIT " + MachineLimit.NO_KPROBES + ": "
                        + MachineLimit.NO_KPROBES.description() + " (attach said: " + e.getMessage() + ")");
                Assumptions.abort("known machine limit " + MachineLimit.NO_KPROBES + ": "
                        + MachineLimit.NO_KPROBES.description());
            }
        }
    }

    private static Path libc() throws java.io.IOException {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.filter(l -> l.contains("libc.so.6")).map(l -> Path.of(l.substring(l.indexOf('/'))))
                    .findFirst().orElseThrow(() -> new AssertionError("libc.so.6 is not mapped"));
        }
    }
}
