package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The raw {@code bpf(2)} system call through libc's {@code syscall(SYS_bpf, cmd, attr, size)}, without libbpf in
 * between: map operations are syscall-bound (~400-700 ns), so the call path here is one downcall, no allocation,
 * and errno captured into the caller's reused {@link CallState} segment.
 */
public final class BpfSyscall {
    /** {@code __NR_bpf} on x86_64. */
    private static final long SYS_BPF = 321;

    /*
     * syscall() is variadic: every argument after the number travels as a long, because glibc reads all six
     * argument registers as longs and the upper half of a register holding an int is undefined.
     */
    private static final MethodHandle SYSCALL = Native.libc("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), CallState.CAPTURE_ERRNO);

    static {
        String arch = System.getProperty("os.arch");
        if (!"amd64".equals(arch) && !"x86_64".equals(arch)) {
            throw new ExceptionInInitializerError("bpf(2) syscall number is only known for x86_64, not " + arch);
        }
    }

    private BpfSyscall() {
    }

    /**
     * Issues one bpf command.
     *
     * @param state a {@link CallState} segment owned by the calling thread
     * @param attr  native memory holding the command's attr, at least {@code size} bytes
     * @return the non-negative result (often a new fd), or {@code -errno}
     */
    public static long bpf(MemorySegment state, BpfCommand cmd, MemorySegment attr, int size) {
        long r;
        try {
            r = (long) SYSCALL.invokeExact(state, SYS_BPF, (long) cmd.code, attr, (long) size);
        } catch (Throwable t) {
            throw new AssertionError("downcall failed", t);
        }
        return r >= 0 ? r : -CallState.errno(state);
    }
}
