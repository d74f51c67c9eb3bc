package org.ebpfj.kernel.map;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A map with 8-byte keys and 8-byte values (e.g. {@code __u64 -> __u64}) as long and long, without boxing: each
 * method writes the key into the thread's reused native buffer, issues one bpf() call and reads the value back
 * (the operations that need no value type, and the rest of the work, are in {@link PrimitiveMap}).
 */
public final class LongLongMap extends PrimitiveMap {

    LongLongMap(RawMap raw) {
        super(raw, 8, 8, "LongLongMap");
    }

    /** The value, or empty when the key is absent. */
    public OptionalLong lookup(long key) {
        var s = keyed(key);
        return find(s) ? OptionalLong.of(value(s)) : OptionalLong.empty();
    }

    public long getOrDefault(long key, long defaultValue) {
        var s = keyed(key);
        return find(s) ? value(s) : defaultValue;
    }

    /** Receives entries without boxing. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(long key, long value);
    }

    public void forEach(EntryConsumer action) {
        forEach(IterationMode.AUTO, action);
    }

    public void forEach(IterationMode mode, EntryConsumer action) {
        forEachBits(mode, (k, v) -> action.accept(k, v));
    }

    public Map<Long, Long> toMap() {
        Map<Long, Long> out = new LinkedHashMap<>();
        forEach(out::put);
        return out;
    }

    /** Writes {@code keys[i] -> values[i]} with batch updates (one update each where unsupported). */
    public void putAll(long[] keys, long[] values, UpdateFlag flag) {
        putAllArrays(keys, values, sameLength(keys.length, values.length), flag);
    }
}
