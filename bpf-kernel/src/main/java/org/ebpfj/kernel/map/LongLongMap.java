package org.ebpfj.kernel.map;

/**
 * A map with 8-byte keys and 8-byte values (e.g. {@code __u64 -> __u64}) as long and long, without boxing: each
 * method writes the key into the thread's reused native buffer, issues one bpf() call and reads the value back
 * (lookups are in {@link LongValuedMap}, the rest of the work in {@link PrimitiveMap}).
 */
public final class LongLongMap extends LongValuedMap<Long, LongLongMap.EntryConsumer> {

    LongLongMap(RawMap raw) {
        super(raw, 8, "LongLongMap", action -> action::accept);
    }

    /** Receives entries without boxing. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(long key, long value);
    }

    /** Writes {@code keys[i] -> values[i]} with batch updates (one update each where unsupported). */
    public void putAll(long[] keys, long[] values, UpdateFlag flag) {
        putAllArrays(keys, values, sameLength(keys.length, values.length), flag);
    }
}
