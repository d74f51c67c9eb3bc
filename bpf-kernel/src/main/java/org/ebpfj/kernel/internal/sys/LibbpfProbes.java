package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/** libbpf's own feature probes, which know what some types need (BTF for some maps, attach details for TRACING). */
public final class LibbpfProbes {
    private static final SymbolLookup LIB = Native.library(LibBpf.LIBRARY);
    private static final MethodHandle PROBE_MAP_TYPE = Native.downcall(LIB, LibBpf.LIBRARY,
            "libbpf_probe_bpf_map_type", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle PROBE_PROG_TYPE = Native.downcall(LIB, LibBpf.LIBRARY,
            "libbpf_probe_bpf_prog_type", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));

    static {
        LibBpf.ensureLoaded(); // its print callback keeps the probes' messages off stderr
    }

    private LibbpfProbes() {
    }

    /** @return 1 supported, 0 not, or -errno */
    public static int mapType(int type) {
        try {
            return (int) PROBE_MAP_TYPE.invokeExact(type, MemorySegment.NULL);
        } catch (Throwable t) {
            throw new AssertionError("libbpf downcall failed", t);
        }
    }

    /** @return 1 supported, 0 not, or -errno */
    public static int programType(int type) {
        try {
            return (int) PROBE_PROG_TYPE.invokeExact(type, MemorySegment.NULL);
        } catch (Throwable t) {
            throw new AssertionError("libbpf downcall failed", t);
        }
    }
}
