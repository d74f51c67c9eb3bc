package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;

/**
 * libbpf's own feature probes, which know what some types need (BTF for some maps, attach details for TRACING).
 * Binding through {@link LibBpf} loads it first, and with it the print callback that keeps the probes' messages
 * off stderr.
 */
public final class LibbpfProbes {
    private static final Binding PROBE_MAP_TYPE = LibBpf.fn("libbpf_probe_bpf_map_type", JAVA_INT, JAVA_INT, ADDRESS);
    private static final Binding PROBE_PROG_TYPE = LibBpf.fn("libbpf_probe_bpf_prog_type", JAVA_INT, JAVA_INT,
            ADDRESS);

    private LibbpfProbes() {
    }

    /** @return 1 supported, 0 not, or -errno */
    public static int mapType(int type) {
        return PROBE_MAP_TYPE.asInt(type, MemorySegment.NULL);
    }

    /** @return 1 supported, 0 not, or -errno */
    public static int programType(int type) {
        return PROBE_PROG_TYPE.asInt(type, MemorySegment.NULL);
    }
}
