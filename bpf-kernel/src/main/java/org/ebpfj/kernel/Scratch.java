package org.ebpfj.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.ebpfj.kernel.ffi.BpfAttr;
import org.ebpfj.kernel.ffi.CallState;

/**
 * Per-thread native buffers for single-element commands: the bpf_attr, the key, the value, a second key (for
 * GET_NEXT_KEY) and the errno capture segment. Reusing them keeps a map operation free of allocation; they grow
 * (never shrink) to the largest key and value the thread has used. The memory is freed when the thread's Scratch
 * becomes unreachable.
 */
final class Scratch {
    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);
    private static final long INITIAL = 64;

    private final Arena arena = Arena.ofAuto();
    final MemorySegment state = CallState.allocate(arena);
    final MemorySegment attr = arena.allocate(BpfAttr.MAX_SIZE, 8);
    MemorySegment key;
    MemorySegment value;
    MemorySegment nextKey;

    private Scratch() {
        key = arena.allocate(INITIAL, 8);
        value = arena.allocate(INITIAL, 8);
        nextKey = arena.allocate(INITIAL, 8);
    }

    /** The calling thread's buffers. */
    static Scratch get() {
        return CURRENT.get();
    }

    /** The calling thread's buffers, with key and value space of at least these sizes. */
    static Scratch get(long keySize, long valueSize) {
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
