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
import org.ebpfj.kernel.TestObjects;
import org.ebpfj.kernel.RequireBpf;
import org.ebpfj.kernel.error.AttachException;
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
    void tracepointByCategoryAndNameFiresOnThisProcessesSyscalls() {
        try (BpfObject o = TestObjects.load(TestObjects.TRACING, TestObjects.spec(TestObjects.TRACING)
                .withInt("target_pid", PID).withAutoload("on_tp_btf", false));
             BpfLink link = Attachments.tracepoint(o.program("on_tracepoint"), "syscalls", "sys_enter_getpid")) {
            assertThat(link.target()).isEqualTo("tracepoint syscalls/sys_enter_getpid");
            for (int i = 0; i < 4; i++) {
                getpid();
            }
            assertThat(o.variable("tp_hits").getLong()).isGreaterThanOrEqualTo(4);
        }
    }

    /** tp_btf is a TRACING program too, but it needs no trampoline: this kernel refuses fentry, not tp_btf. */
    @Test
    void tpBtfCountsThisProcessesSyscalls() {
        try (BpfObject o = TestObjects.load(TestObjects.TRACING, TestObjects.spec(TestObjects.TRACING)
                .withInt("target_pid", PID).withAutoload("on_tracepoint", false));
             BpfLink link = Attachments.tracing(o.program("on_tp_btf"))) {
            assertThat(link.target()).isEqualTo("tp_btf/sys_enter");
            for (int i = 0; i < 4; i++) {
                getpid();
            }
            assertThat(o.variable("tp_btf_hits").getLong()).isGreaterThanOrEqualTo(4);
            link.close();
            long after = o.variable("tp_btf_hits").getLong();
            getpid();
            assertThat(o.variable("tp_btf_hits").getLong()).as("detached").isEqualTo(after);
        }
    }

    @Test
    void tracepointThatDoesNotExistSaysWhich() {
        try (BpfObject o = TestObjects.load(TestObjects.TRACING, TestObjects.spec(TestObjects.TRACING)
                .withAutoload("on_tp_btf", false))) {
            assertThatThrownBy(() -> Attachments.tracepoint(o.program("on_tracepoint"), "syscalls", "sys_enter_nope"))
                    .isInstanceOf(AttachException.class).hasMessageContaining("syscalls/sys_enter_nope");
        }
    }

    /**
     * USDT on the JVM's own {@code hotspot:thread__start} probe (libjvm.so carries {@code .note.stapsdt} notes):
     * starting a thread fires it, and the probe's third argument is the new thread's Java id.
     */
    @Test
    void usdtOnTheJvmsThreadStartProbeSeesTheNewThreadsId() throws Exception {
        Path libjvm = mapped("libjvm.so");
        try (BpfObject o = TestObjects.load(TestObjects.USDT, TestObjects.spec(TestObjects.USDT)
                .withInt("target_pid", PID));
             BpfLink link = Attachments.usdt(o.program("on_thread_start"), libjvm, "hotspot", "thread__start", PID)) {
            assertThat(link.target()).contains("usdt").contains("hotspot:thread__start");
            Thread t = new Thread(() -> { }, "usdt-probe-target");
            t.start();
            t.join();
            assertThat(o.variable("thread_starts").getLong()).isPositive();
            assertThat(o.variable("last_name_len").getLong()).as("name length").isEqualTo(t.getName().length());
            assertThat(o.variable("last_java_tid").getLong()).isEqualTo(t.threadId());
        }
    }

    @Test
    void usdtProbeThatDoesNotExistSaysWhich() throws Exception {
        Path libjvm = mapped("libjvm.so");
        try (BpfObject o = TestObjects.load(TestObjects.USDT)) {
            assertThatThrownBy(() -> Attachments.usdt(o.program("on_thread_start"), libjvm, "hotspot", "no__such",
                    PID)).isInstanceOf(AttachException.class).hasMessageContaining("hotspot:no__such");
        }
    }

    private static void getpid() {
        try {
            int ignored = (int) GETPID.invokeExact();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static Path libc() throws java.io.IOException {
        return mapped("libc.so.6");
    }

    private static Path mapped(String library) throws java.io.IOException {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.filter(l -> l.contains("/" + library)).map(l -> Path.of(l.substring(l.indexOf('/'))))
                    .findFirst().orElseThrow(() -> new AssertionError(library + " is not mapped"));
        }
    }
}
