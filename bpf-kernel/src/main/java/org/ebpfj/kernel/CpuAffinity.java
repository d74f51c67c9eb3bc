package org.ebpfj.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.BitSet;

import org.ebpfj.kernel.internal.sys.Errnos;
import org.ebpfj.kernel.internal.sys.Libc;
import org.ebpfj.kernel.internal.sys.Scratch;

/**
 * Pins the calling thread to one CPU until closed, then restores its previous CPU set:
 * <pre>{@code
 * try (CpuAffinity pinned = CpuAffinity.pin(0)) {
 *     // every syscall and BPF_PROG_TEST_RUN of this thread now runs on CPU 0
 * }
 * }</pre>
 * Useful where the kernel keeps per-CPU state: LRU maps refill and evict per CPU, so counts are exact only when all
 * inserts come from one CPU. Must be closed by the thread that pinned; not for virtual threads (their carrier
 * thread would be pinned instead).
 */
public final class CpuAffinity implements AutoCloseable {
    /** Room for 1024 CPUs; sched_getaffinity fails with EINVAL only if the kernel has more. */
    private static final long MASK_BYTES = 128;

    private final Thread owner;
    private final int cpu;
    private final byte[] previous;
    private boolean closed;

    private CpuAffinity(Thread owner, int cpu, byte[] previous) {
        this.owner = owner;
        this.cpu = cpu;
        this.previous = previous;
    }

    /** Pins the calling thread to {@code cpu}. */
    public static CpuAffinity pin(int cpu) {
        Thread t = Thread.currentThread();
        if (t.isVirtual()) {
            throw new IllegalStateException("cannot pin a virtual thread; run this on a platform thread");
        }
        if (cpu < 0 || cpu >= MASK_BYTES * 8) {
            throw new IllegalArgumentException("CPU " + cpu + " is out of range");
        }
        byte[] before = currentMask();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(MASK_BYTES, 8);
            mask.set(ValueLayout.JAVA_BYTE, cpu / 8, (byte) (1 << (cpu % 8)));
            int r = Libc.schedSetaffinity(Scratch.get().state, 0, mask);
            if (r < 0) {
                throw new IllegalArgumentException("cannot pin the thread to CPU " + cpu + ": "
                        + org.ebpfj.object.uapi.Errno.nameOf(-r) + (-r == Errnos.EINVAL
                        ? " (not an online CPU, or outside this process's cpuset; online: " + Kernel.onlineCpus()
                        + ")" : ""));
            }
        }
        return new CpuAffinity(t, cpu, before);
    }

    /** The CPUs the calling thread may run on. */
    public static BitSet current() {
        return BitSet.valueOf(currentMask());
    }

    private static byte[] currentMask() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(MASK_BYTES, 8);
            int r = Libc.schedGetaffinity(Scratch.get().state, 0, mask);
            if (r < 0) {
                throw new IllegalStateException("sched_getaffinity failed: " + org.ebpfj.object.uapi.Errno.nameOf(-r));
            }
            return mask.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    public int cpu() {
        return cpu;
    }

    /** Restores the CPU set the thread had before. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("CpuAffinity must be closed by the thread that pinned (" + owner + ")");
        }
        closed = true;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(MASK_BYTES, 8);
            MemorySegment.copy(previous, 0, mask, ValueLayout.JAVA_BYTE, 0, previous.length);
            int r = Libc.schedSetaffinity(Scratch.get().state, 0, mask);
            if (r < 0) {
                throw new IllegalStateException("cannot restore the thread's CPU set: "
                        + org.ebpfj.object.uapi.Errno.nameOf(-r));
            }
        }
    }
}
