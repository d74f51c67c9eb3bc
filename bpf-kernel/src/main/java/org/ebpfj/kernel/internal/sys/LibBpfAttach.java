package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * libbpf's explicit attach calls (each returns a {@code struct bpf_link *}, or NULL with errno in the state): the
 * targets libbpf cannot take from a section name.
 */
public final class LibBpfAttach {
    private static final java.lang.foreign.SymbolLookup LIB = Native.library(LibBpf.LIBRARY);

    private static MethodHandle fn(String name, FunctionDescriptor fd) {
        return Native.downcall(LIB, LibBpf.LIBRARY, name, fd, CallState.CAPTURE_ERRNO);
    }

    private static final MethodHandle RAW_TRACEPOINT = fn("bpf_program__attach_raw_tracepoint",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle PERF_EVENT = fn("bpf_program__attach_perf_event",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle UPROBE = fn("bpf_program__attach_uprobe",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_BOOLEAN, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle UPROBE_OPTS = fn("bpf_program__attach_uprobe_opts",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS));
    /** {@code struct bpf_uprobe_opts} of libbpf 1.1: sz, ref_ctr_offset, bpf_cookie, retprobe, func_name. */
    public static final long UPROBE_OPTS_SIZE = 40;
    private static final MethodHandle KPROBE = fn("bpf_program__attach_kprobe",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_BOOLEAN, ADDRESS));
    private static final MethodHandle XDP = fn("bpf_program__attach_xdp",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));

    private static final MethodHandle TRACE = fn("bpf_program__attach_trace",
            FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle CGROUP = fn("bpf_program__attach_cgroup",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle USDT = fn("bpf_program__attach_usdt",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));

    private LibBpfAttach() {
    }

    public static MemorySegment rawTracepoint(MemorySegment state, MemorySegment prog, MemorySegment name) {
        try {
            return (MemorySegment) RAW_TRACEPOINT.invokeExact(state, prog, name);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Attaches to an open perf event fd; the link owns the fd from then on (closing the link closes it). */
    public static MemorySegment perfEvent(MemorySegment state, MemorySegment prog, int perfFd) {
        try {
            return (MemorySegment) PERF_EVENT.invokeExact(state, prog, perfFd);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    public static MemorySegment uprobe(MemorySegment state, MemorySegment prog, boolean retprobe, int pid,
                                       MemorySegment binary, long offset) {
        try {
            return (MemorySegment) UPROBE.invokeExact(state, prog, retprobe, pid, binary, offset);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** A uprobe on a function of {@code binary} found by name (libbpf reads the ELF symbol table). */
    public static MemorySegment uprobeSymbol(MemorySegment state, MemorySegment prog, boolean retprobe, int pid,
                                             MemorySegment binary, MemorySegment symbol, MemorySegment opts) {
        opts.set(JAVA_LONG, 0, UPROBE_OPTS_SIZE);
        opts.set(JAVA_BOOLEAN, 24, retprobe);
        opts.set(ADDRESS, 32, symbol);
        try {
            return (MemorySegment) UPROBE_OPTS.invokeExact(state, prog, pid, binary, 0L, opts);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    public static MemorySegment kprobe(MemorySegment state, MemorySegment prog, boolean retprobe,
                                       MemorySegment symbol) {
        try {
            return (MemorySegment) KPROBE.invokeExact(state, prog, retprobe, symbol);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    public static MemorySegment xdp(MemorySegment state, MemorySegment prog, int ifindex) {
        try {
            return (MemorySegment) XDP.invokeExact(state, prog, ifindex);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** fentry, fexit, fmod_ret and tp_btf programs: the target is in the program's BTF attach id already. */
    public static MemorySegment trace(MemorySegment state, MemorySegment prog) {
        try {
            return (MemorySegment) TRACE.invokeExact(state, prog);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** A cgroup program on the cgroup open at {@code cgroupFd} (a bpf_link of the program's expected type). */
    public static MemorySegment cgroup(MemorySegment state, MemorySegment prog, int cgroupFd) {
        try {
            return (MemorySegment) CGROUP.invokeExact(state, prog, cgroupFd);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** A USDT probe {@code provider:name} of {@code binary}, found in its {@code .note.stapsdt} notes. */
    public static MemorySegment usdt(MemorySegment state, MemorySegment prog, int pid, MemorySegment binary,
                                     MemorySegment provider, MemorySegment name) {
        try {
            return (MemorySegment) USDT.invokeExact(state, prog, pid, binary, provider, name, MemorySegment.NULL);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}
