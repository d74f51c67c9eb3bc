package org.ebpfj.kernel.map;

/**
 * A map with 4-byte keys and 8-byte values (e.g. {@code __u32 -> __u64 counters}) as int and long, without boxing:
 * each method writes the key into the thread's reused native buffer, issues one bpf() call and reads the value back
 * (lookups are in {@link LongValuedMap}, the rest of the work in {@link PrimitiveMap}).
 */
public final class IntLongMap extends LongValuedMap<Integer, IntLongMap.EntryConsumer> {

    IntLongMap(RawMap raw) {
        super(raw, 4, "IntLongMap", action -> (k, v) -> action.accept((int) k, v));
    }

    /** Receives entries without boxing. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(int key, long value);
    }

    /** Writes {@code keys[i] -> values[i]} with batch updates (one update each where unsupported). */
    public void putAll(int[] keys, long[] values, UpdateFlag flag) {
        putAllArrays(keys, values, sameLength(keys.length, values.length), flag);
    }
}
