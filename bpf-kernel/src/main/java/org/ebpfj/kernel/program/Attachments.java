package org.ebpfj.kernel.program;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

import org.ebpfj.kernel.error.AttachException;
import org.ebpfj.kernel.internal.sys.CallState;
import org.ebpfj.kernel.internal.sys.EventSys;
import org.ebpfj.kernel.internal.sys.LibBpfAttach;

/**
 * Attaching a program to an explicit target, beside libbpf's attach by section name ({@link BpfProgram#attach()}).
 * Each call returns a {@link BpfLink} that detaches when closed, and at the latest when the object closes.
 * <pre>{@code
 * BpfLink l = Attachments.uprobe(program, Path.of("/lib/x86_64-linux-gnu/libc.so.6"), "getpid", pid);
 * }</pre>
 */
public final class Attachments {
    /** Any process, for uprobes. */
    public static final int ANY_PROCESS = -1;
    private static final int PERF_TYPE_SOFTWARE = 1;
    private static final int PERF_COUNT_SW_CPU_CLOCK = 0;
    private static final long PERF_FLAG_FD_CLOEXEC = 8;
    /** {@code perf_event_attr.freq}: bit 10 of the flags word (sample_freq instead of sample_period). */
    private static final long ATTR_FREQ = 1L << 10;

    private Attachments() {
    }

    /** A {@code raw_tp} (or {@code raw_tracepoint}) program on the raw tracepoint {@code name}, e.g. sys_enter. */
    public static BpfLink rawTracepoint(BpfProgram program, String name) {
        MemorySegment p = program.pointer();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment n = arena.allocateFrom(name);
            return program.link("raw_tp " + name, state -> LibBpfAttach.rawTracepoint(state, p, n));
        }
    }

    /**
     * A {@code perf_event} program on a software CPU clock of {@code cpu}, sampled {@code frequency} times a second.
     * The perf event is opened for all processes on that CPU; the link owns its fd.
     */
    public static BpfLink cpuClock(BpfProgram program, int cpu, long frequency) {
        MemorySegment p = program.pointer();
        String target = "perf_event cpu-clock cpu " + cpu + " at " + frequency + " Hz";
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = CallState.allocate(arena);
            MemorySegment attr = arena.allocate(128, 8);
            attr.set(JAVA_INT, 0, PERF_TYPE_SOFTWARE);
            attr.set(JAVA_INT, 4, 128);
            attr.set(JAVA_LONG, 8, PERF_COUNT_SW_CPU_CLOCK);
            attr.set(JAVA_LONG, 16, frequency);
            attr.set(JAVA_LONG, 40, ATTR_FREQ);
            int fd = EventSys.perfEventOpen(state, attr, -1, cpu, -1, PERF_FLAG_FD_CLOEXEC);
            if (fd < 0) {
                throw new AttachException(program.name(), target, -fd, -fd == 1 || -fd == 13
                        ? "perf_event_open needs CAP_PERFMON (or CAP_SYS_ADMIN) or a lower kernel.perf_event_paranoid"
                        : "perf_event_open failed");
            }
            try {
                return program.link(target, s -> LibBpfAttach.perfEvent(s, p, fd));
            } catch (RuntimeException e) {
                org.ebpfj.kernel.internal.sys.Libc.close(state, fd);
                throw e;
            }
        }
    }

    /** A uprobe ({@code retprobe} false) or uretprobe on {@code symbol} of {@code binary}, for {@code pid} or all. */
    public static BpfLink uprobe(BpfProgram program, Path binary, String symbol, long pid, boolean retprobe) {
        MemorySegment p = program.pointer();
        String target = (retprobe ? "uretprobe " : "uprobe ") + binary + ":" + symbol + pidText(pid);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment b = arena.allocateFrom(binary.toString());
            MemorySegment s = arena.allocateFrom(symbol);
            MemorySegment opts = arena.allocate(LibBpfAttach.UPROBE_OPTS_SIZE, 8);
            return program.link(target, state -> LibBpfAttach.uprobeSymbol(state, p, retprobe, (int) pid, b, s,
                    opts));
        }
    }

    /** A uprobe or uretprobe at a file offset of {@code binary}. */
    public static BpfLink uprobe(BpfProgram program, Path binary, long offset, long pid, boolean retprobe) {
        MemorySegment p = program.pointer();
        String target = (retprobe ? "uretprobe " : "uprobe ") + binary + "+0x" + Long.toHexString(offset)
                + pidText(pid);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment b = arena.allocateFrom(binary.toString());
            return program.link(target, state -> LibBpfAttach.uprobe(state, p, retprobe, (int) pid, b, offset));
        }
    }

    /**
     * A kprobe ({@code retprobe} false) or kretprobe on a kernel function. Kernels built without CONFIG_KPROBES
     * refuse it: the {@link AttachException} then says so (see {@link org.ebpfj.kernel.MachineLimit#NO_KPROBES}).
     */
    public static BpfLink kprobe(BpfProgram program, String function, boolean retprobe) {
        MemorySegment p = program.pointer();
        String target = (retprobe ? "kretprobe " : "kprobe ") + function;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment f = arena.allocateFrom(function);
            return program.link(target, state -> LibBpfAttach.kprobe(state, p, retprobe, f));
        }
    }

    /** A tracepoint program on {@code category/name} (e.g. {@code syscalls}, {@code sys_enter_execve}). */
    public static BpfLink tracepoint(BpfProgram program, String category, String name) {
        return program.attachTracepoint(category, name);
    }

    /**
     * A BTF-typed program whose target is named in its section: {@code tp_btf/<tracepoint>},
     * {@code fentry/<function>}, {@code fexit/<function>} or {@code fmod_ret/<function>}. Kernels whose policy refuses
     * trampolines answer EPERM (see {@link org.ebpfj.kernel.MachineLimit#TRAMPOLINES_REFUSED}).
     */
    public static BpfLink tracing(BpfProgram program) {
        MemorySegment p = program.pointer();
        return program.link(program.section(), state -> LibBpfAttach.trace(state, p));
    }

    /**
     * A USDT program on the probe {@code provider:name} of {@code binary} (its {@code .note.stapsdt} ELF notes),
     * for {@code pid} or {@link #ANY_PROCESS}. The program reads the probe's arguments through {@code usdt.bpf.h}.
     */
    public static BpfLink usdt(BpfProgram program, Path binary, String provider, String name, long pid) {
        MemorySegment p = program.pointer();
        String target = "usdt " + binary + ":" + provider + ":" + name + pidText(pid);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment b = arena.allocateFrom(binary.toString());
            MemorySegment pr = arena.allocateFrom(provider);
            MemorySegment n = arena.allocateFrom(name);
            return program.link(target, state -> LibBpfAttach.usdt(state, p, (int) pid, b, pr, n));
        }
    }

    private static String pidText(long pid) {
        return pid == ANY_PROCESS ? " (any process)" : " (pid " + pid + ")";
    }
}
