package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/**
 * libbpf's explicit attach calls (each returns a {@code struct bpf_link *}, or NULL with errno in the state): the
 * targets libbpf cannot take from a section name.
 */
public final class LibBpfAttach {
    private static final Binding RAW_TRACEPOINT = LibBpf.fnErrno("bpf_program__attach_raw_tracepoint", ADDRESS,
            ADDRESS, ADDRESS);
    private static final Binding PERF_EVENT = LibBpf.fnErrno("bpf_program__attach_perf_event", ADDRESS, ADDRESS,
            JAVA_INT);
    private static final Binding UPROBE = LibBpf.fnErrno("bpf_program__attach_uprobe", ADDRESS, ADDRESS,
            JAVA_BOOLEAN, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final Binding UPROBE_OPTS = LibBpf.fnErrno("bpf_program__attach_uprobe_opts", ADDRESS, ADDRESS,
            JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS);
    /** {@code struct bpf_uprobe_opts} of libbpf 1.1: sz, ref_ctr_offset, bpf_cookie, retprobe, func_name. */
    public static final long UPROBE_OPTS_SIZE = 40;
    private static final Binding KPROBE = LibBpf.fnErrno("bpf_program__attach_kprobe", ADDRESS, ADDRESS,
            JAVA_BOOLEAN, ADDRESS);
    private static final Binding XDP = LibBpf.fnErrno("bpf_program__attach_xdp", ADDRESS, ADDRESS, JAVA_INT);
    private static final Binding TRACE = LibBpf.fnErrno("bpf_program__attach_trace", ADDRESS, ADDRESS);
    private static final Binding CGROUP = LibBpf.fnErrno("bpf_program__attach_cgroup", ADDRESS, ADDRESS, JAVA_INT);
    private static final Binding USDT = LibBpf.fnErrno("bpf_program__attach_usdt", ADDRESS, ADDRESS, JAVA_INT,
            ADDRESS, ADDRESS, ADDRESS, ADDRESS);

    private LibBpfAttach() {
    }

    public static MemorySegment rawTracepoint(MemorySegment state, MemorySegment prog, MemorySegment name) {
        return RAW_TRACEPOINT.pointer(state, prog, name);
    }

    /** Attaches to an open perf event fd; the link owns the fd from then on (closing the link closes it). */
    public static MemorySegment perfEvent(MemorySegment state, MemorySegment prog, int perfFd) {
        return PERF_EVENT.pointer(state, prog, perfFd);
    }

    public static MemorySegment uprobe(MemorySegment state, MemorySegment prog, boolean retprobe, int pid,
                                       MemorySegment binary, long offset) {
        return UPROBE.pointer(state, prog, retprobe, pid, binary, offset);
    }

    /** A uprobe on a function of {@code binary} found by name (libbpf reads the ELF symbol table). */
    public static MemorySegment uprobeSymbol(MemorySegment state, MemorySegment prog, boolean retprobe, int pid,
                                             MemorySegment binary, MemorySegment symbol, MemorySegment opts) {
        opts.set(JAVA_LONG, 0, UPROBE_OPTS_SIZE);
        opts.set(JAVA_BOOLEAN, 24, retprobe);
        opts.set(ADDRESS, 32, symbol);
        return UPROBE_OPTS.pointer(state, prog, pid, binary, 0L, opts);
    }

    public static MemorySegment kprobe(MemorySegment state, MemorySegment prog, boolean retprobe,
                                       MemorySegment symbol) {
        return KPROBE.pointer(state, prog, retprobe, symbol);
    }

    public static MemorySegment xdp(MemorySegment state, MemorySegment prog, int ifindex) {
        return XDP.pointer(state, prog, ifindex);
    }

    /** fentry, fexit, fmod_ret and tp_btf programs: the target is in the program's BTF attach id already. */
    public static MemorySegment trace(MemorySegment state, MemorySegment prog) {
        return TRACE.pointer(state, prog);
    }

    /** A cgroup program on the cgroup open at {@code cgroupFd} (a bpf_link of the program's expected type). */
    public static MemorySegment cgroup(MemorySegment state, MemorySegment prog, int cgroupFd) {
        return CGROUP.pointer(state, prog, cgroupFd);
    }

    /** A USDT probe {@code provider:name} of {@code binary}, found in its {@code .note.stapsdt} notes. */
    public static MemorySegment usdt(MemorySegment state, MemorySegment prog, int pid, MemorySegment binary,
                                     MemorySegment provider, MemorySegment name) {
        return USDT.pointer(state, prog, pid, binary, provider, name, MemorySegment.NULL);
    }
}
