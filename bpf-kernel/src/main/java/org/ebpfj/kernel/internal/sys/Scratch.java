package org.ebpfj.kernel.internal.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Per-thread native buffers for single-element commands: the bpf_attr, the key, the value, a second key (for
 * GET_NEXT_KEY) and the errno capture segment. Reusing them keeps a map operation free of allocation; they grow
 * (never shrink) to the largest key and value the thread has used. The memory is freed when the thread's Scratch
 * becomes unreachable.
 */
public final class Scratch {
    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);
    private static final long INITIAL = 64;

    private final Arena arena = Arena.ofAuto();
    public final MemorySegment state = CallState.allocate(arena);
    public final MemorySegment attr = arena.allocate(BpfAttr.MAX_SIZE, 8);
    public MemorySegment key;
    public MemorySegment value;
    public MemorySegment nextKey;

    private Scratch() {
        key = arena.allocate(INITIAL, 8);
        value = arena.allocate(INITIAL, 8);
        nextKey = arena.allocate(INITIAL, 8);
    }

    /** The calling thread's buffers. */
    public static Scratch get() {
        return CURRENT.get();
    }

    /** The calling thread's buffers, with key and value space of at least these sizes. */
    public static Scratch get(long keySize, long valueSize) {
        Scratch s = CURRENT.get();
        if (keySize > s.key.byteSize() || valueSize > s.value.byteSize()) {
            s.grow(keySize, valueSize);
        }
        return s;
    }

    private void grow(long keySize, long valueSize) {
        if (keySize > key.byteSize()) {
            long n = Math.max(keySize, key.byteSize() * 2);
            key = arena.allocate(n, 8);
            nextKey = arena.allocate(n, 8);
        }
        if (valueSize > value.byteSize()) {
            value = arena.allocate(Math.max(valueSize, value.byteSize() * 2), 8);
        }
    }
}
