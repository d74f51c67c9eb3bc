package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The libc functions the library needs beyond bpf(2). Functions that can fail return {@code -errno}
 * (read through the caller's {@link CallState} segment) instead of setting a global.
 */
@SuppressWarnings("restricted")
public final class Libc {
    private static final Binding CLOSE = Binding.libcErrno("close", JAVA_INT, JAVA_INT);
    private static final Binding SCHED_SETAFFINITY = Binding.libcErrno("sched_setaffinity", JAVA_INT, JAVA_INT,
            JAVA_LONG, ADDRESS);
    private static final Binding SCHED_GETAFFINITY = Binding.libcErrno("sched_getaffinity", JAVA_INT, JAVA_INT,
            JAVA_LONG, ADDRESS);
    private static final Binding MOUNT = Binding.libcErrno("mount", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG,
            ADDRESS);
    private static final Binding STATFS = Binding.libcErrno("statfs", JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle MMAP = Native.libc("mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG),
            CallState.CAPTURE_ERRNO);
    private static final MethodHandle MUNMAP = Native.libc("munmap",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), CallState.CAPTURE_ERRNO);
    private static final Binding VSNPRINTF = Binding.libc("vsnprintf", JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS,
            ADDRESS);
    private static final Binding STRERROR_R = Binding.libc("__xpg_strerror_r", JAVA_INT, JAVA_INT, ADDRESS,
            JAVA_LONG);

    /** {@code struct statfs} is 120 bytes on x86_64; {@code f_type} is its first field. */
    private static final long STATFS_SIZE = 120;

    private Libc() {
    }

    public static int close(MemorySegment state, int fd) {
        return CallState.zeroOrErrno(state, CLOSE.asInt(state, fd));
    }

    /** Sets the CPU mask of thread {@code tid} (0 = the calling thread). */
    public static int schedSetaffinity(MemorySegment state, int tid, MemorySegment mask) {
        return CallState.zeroOrErrno(state, SCHED_SETAFFINITY.asInt(state, tid, mask.byteSize(), mask));
    }

    /** Reads the CPU mask of thread {@code tid} into {@code mask}; returns the bytes the kernel wrote or -errno. */
    public static int schedGetaffinity(MemorySegment state, int tid, MemorySegment mask) {
        int r = SCHED_GETAFFINITY.asInt(state, tid, mask.byteSize(), mask);
        return r >= 0 ? r : -CallState.errno(state);
    }

    public static int mount(MemorySegment state, String source, String target, String fsType, long flags) {
        try (Arena arena = Arena.ofConfined()) {
            return CallState.zeroOrErrno(state, MOUNT.asInt(state, arena.allocateFrom(source),
                    arena.allocateFrom(target), arena.allocateFrom(fsType), flags, MemorySegment.NULL));
        }
    }

    /** The filesystem magic ({@code f_type}) of the filesystem holding {@code path}, or -errno. */
    public static long statfsType(MemorySegment state, String path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(STATFS_SIZE, 8);
            int r = STATFS.asInt(state, arena.allocateFrom(path), buf);
            return r == 0 ? buf.get(JAVA_LONG, 0) : -CallState.errno(state);
        }
    }

    public static final int PROT_READ = 1;
    public static final int PROT_WRITE = 2;
    private static final int MAP_SHARED = 1;
    private static final long MAP_FAILED = -1;

    /**
     * Maps {@code length} bytes of a file descriptor (e.g. an mmap-able BPF array) shared, read-only or read-write.
     * The segment is valid until {@code scope} closes; the caller must {@link #munmap} after that.
     *
     * @return the mapping, or NULL with errno in {@code state}
     */
    public static MemorySegment mmapShared(MemorySegment state, int fd, long length, int prot, Arena scope) {
        try {
            MemorySegment p = (MemorySegment) MMAP.invokeExact(state, MemorySegment.NULL, length, prot, MAP_SHARED,
                    fd, 0L);
            if (p.address() == MAP_FAILED) {
                return MemorySegment.NULL;
            }
            return p.reinterpret(length, scope, null);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** @return 0 or -errno */
    public static int munmap(MemorySegment state, long address, long length) {
        try {
            int r = (int) MUNMAP.invokeExact(state, MemorySegment.ofAddress(address), length);
            return r == 0 ? 0 : -CallState.errno(state);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * {@code vsnprintf(buf, size, format, ap)}: formats a C varargs message. {@code ap} is the {@code va_list} a
     * native callback received; on x86_64 that is a pointer to the caller's {@code __va_list_tag}.
     */
    public static int vsnprintf(MemorySegment buf, long size, MemorySegment format, MemorySegment ap) {
        return VSNPRINTF.asInt(buf, size, format, ap);
    }

    /** libc's text for an errno, e.g. "Invalid argument". */
    public static String strerror(int errno) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(256);
            int r = STRERROR_R.asInt(Math.abs(errno), buf, 256L);
            return r == 0 ? buf.getString(0) : "errno " + Math.abs(errno);
        }
    }
}
