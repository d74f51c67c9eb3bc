package org.ebpfj.kernel.map;

import java.util.OptionalInt;

/**
 * A map with 4-byte keys and 4-byte values (e.g. {@code __u32 -> __u32}) as int and int, without boxing: each
 * method writes the key into the thread's reused native buffer, issues one bpf() call and reads the value back
 * (the operations that need no value type, and the rest of the work, are in {@link PrimitiveMap}).
 */
public final class IntIntMap extends PrimitiveMap<Integer, Integer, IntIntMap.EntryConsumer> {

    IntIntMap(RawMap raw) {
        super(raw, 4, 4, "IntIntMap", action -> (k, v) -> action.accept((int) k, (int) v));
    }

    /** The value, or empty when the key is absent. */
    public OptionalInt lookup(int key) {
        var s = keyed(key);
        return find(s) ? OptionalInt.of((int) value(s)) : OptionalInt.empty();
    }

    public int getOrDefault(int key, int defaultValue) {
        var s = keyed(key);
        return find(s) ? (int) value(s) : defaultValue;
    }

    /** Receives entries without boxing. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(int key, int value);
    }

    /** Writes {@code keys[i] -> values[i]} with batch updates (one update each where unsupported). */
    public void putAll(int[] keys, int[] values, UpdateFlag flag) {
        putAllArrays(keys, values, sameLength(keys.length, values.length), flag);
    }
}
