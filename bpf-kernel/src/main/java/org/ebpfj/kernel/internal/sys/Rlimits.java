package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** {@code setrlimit(2)} for RLIMIT_MEMLOCK, which kernels before 5.11 charge BPF map memory to. */
@SuppressWarnings("restricted")
public final class Rlimits {
    private static final int RLIMIT_MEMLOCK = 8;
    private static final long RLIM_INFINITY = -1L;
    private static final Binding SETRLIMIT = Binding.libcErrno("setrlimit", JAVA_INT, JAVA_INT, ADDRESS);

    private Rlimits() {
    }

    /** Sets RLIMIT_MEMLOCK's soft and hard limits to infinity; 0 or -errno (EPERM without CAP_SYS_RESOURCE). */
    public static int removeMemlockLimit() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = CallState.allocate(arena);
            MemorySegment limits = arena.allocate(JAVA_LONG, 2);
            limits.setAtIndex(JAVA_LONG, 0, RLIM_INFINITY);
            limits.setAtIndex(JAVA_LONG, 1, RLIM_INFINITY);
            return CallState.zeroOrErrno(state, SETRLIMIT.asInt(state, RLIMIT_MEMLOCK, limits));
        }
    }
}
