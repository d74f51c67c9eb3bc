package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;

/**
 * The smallest kernel requests that reveal a machine's known limits (see {@code MachineLimit}): a fentry program
 * on a real kernel function, and a one-page ARENA map. Each returns an fd (closed by the caller) or -errno.
 */
public final class LimitProbes {
    private static final Binding FIND_VMLINUX_BTF_ID = LibBpf.fn("libbpf_find_vmlinux_btf_id", JAVA_INT, ADDRESS,
            JAVA_INT);
    private static final int PROG_TYPE_TRACING = 26;
    private static final int TRACE_FENTRY = 24;
    private static final int MAP_TYPE_ARENA = 33;
    private static final int F_MMAPABLE = 1 << 10;
    private static final long[] RETURN_ZERO = {0x00000000_000000b7L, 0x00000000_00000095L};

    private LimitProbes() {
    }

    /** The vmlinux BTF id of {@code function} as a fentry target, or -errno (no vmlinux BTF, no such function). */
    public static int fentryTarget(String function) {
        try (Arena arena = Arena.ofConfined()) {
            return FIND_VMLINUX_BTF_ID.asInt(arena.allocateFrom(function), TRACE_FENTRY);
        }
    }

    /** Loads {@code r0 = 0; exit} as a fentry program on the vmlinux function with BTF id {@code btfId}. */
    public static int loadFentry(int btfId) {
        return Bpf.loadProgram(PROG_TYPE_TRACING, TRACE_FENTRY, 0, btfId, RETURN_ZERO);
    }

    /** Creates a one-page ARENA map (kernels 6.9+). */
    public static int createArena() {
        return MapCommands.create(MAP_TYPE_ARENA, 0, 0, 1, F_MMAPABLE, "ebpfj_arena", 0, 0, 0);
    }
}
