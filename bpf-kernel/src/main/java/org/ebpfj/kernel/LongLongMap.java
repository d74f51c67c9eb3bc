package org.ebpfj.kernel;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static org.ebpfj.kernel.Errnos.ENOENT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A map with 8-byte keys and 8-byte values (e.g. {@code __u64 -> __u64}) as longs, without boxing: the single-element
 * methods write the key into the thread's reused native buffer, issue one bpf() call and read the value back.
 */
public final class LongLongMap implements AutoCloseable {
    private final RawMap raw;

    LongLongMap(RawMap raw) {
        MapViews.checkPrimitive(raw, 8, 8, "LongLongMap");
        this.raw = raw;
    }

    /** The value, or empty when the key is absent. */
    public OptionalLong lookup(long key) {
        Scratch s = Scratch.get(8, 8);
        s.key.set(JAVA_LONG, 0, key);
        int r = raw.lookup(s);
        if (r == 0) {
            return OptionalLong.of(s.value.get(JAVA_LONG, 0));
        }
        return absent(r);
    }

    private OptionalLong absent(int r) {
        if (r == -ENOENT) {
            return OptionalLong.empty();
        }
        throw MapErrors.other(raw, "BPF_MAP_LOOKUP_ELEM", -r, "");
    }

    public long getOrDefault(long key, long defaultValue) {
        Scratch s = Scratch.get(8, 8);
        s.key.set(JAVA_LONG, 0, key);
        int r = raw.lookup(s);
        if (r == 0) {
            return s.value.get(JAVA_LONG, 0);
        }
        absent(r);
        return defaultValue;
    }

    public boolean containsKey(long key) {
        Scratch s = Scratch.get(8, 8);
        s.key.set(JAVA_LONG, 0, key);
        int r = raw.lookup(s);
        if (r != 0) {
            absent(r);
        }
        return r == 0;
    }

    public void put(long key, long value) {
        put(key, value, UpdateFlag.ANY);
    }

    public void put(long key, long value, UpdateFlag flag) {
        int r = update(key, value, flag);
        if (r != 0) {
            throw MapErrors.update(raw, -r, flag, Long.toString(key));
        }
    }

    public UpdateResult tryPut(long key, long value, UpdateFlag flag) {
        int r = update(key, value, flag);
        return r == 0 ? UpdateResult.UPDATED : raw.updateResult(r, flag, key);
    }

    private int update(long key, long value, UpdateFlag flag) {
        Scratch s = Scratch.get(8, 8);
        s.key.set(JAVA_LONG, 0, key);
        s.value.set(JAVA_LONG, 0, value);
        return raw.update(s, flag.bits());
    }

    /** @return whether the key was present */
    public boolean remove(long key) {
        Scratch s = Scratch.get(8, 8);
        s.key.set(JAVA_LONG, 0, key);
        int r = raw.delete(s);
        if (r == 0 || r == -ENOENT) {
            return r == 0;
        }
        throw MapErrors.delete(raw, -r, Long.toString(key));
    }

    /** @throws KeyNotFoundException when the key is absent */
    public void delete(long key) {
        if (!remove(key)) {
            throw new KeyNotFoundException(raw.name(), Long.toString(key), "delete");
        }
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
        raw.forEachChunk(mode, (keys, values, count) -> {
            for (int i = 0; i < count; i++) {
                action.accept(keys.get(JAVA_LONG_UNALIGNED, 8L * i), values.get(JAVA_LONG_UNALIGNED, 8L * i));
            }
        });
    }

    public Map<Long, Long> toMap() {
        Map<Long, Long> out = new LinkedHashMap<>();
        forEach(out::put);
        return out;
    }

    /** Writes {@code keys[i] -> values[i]} with batch updates (one update each where unsupported). */
    public void putAll(long[] keys, long[] values, UpdateFlag flag) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException(keys.length + " keys but " + values.length + " values");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment k = arena.allocate(8L * Math.max(1, keys.length), 8);
            MemorySegment v = arena.allocate(8L * Math.max(1, values.length), 8);
            MemorySegment.copy(keys, 0, k, JAVA_LONG, 0, keys.length);
            MemorySegment.copy(values, 0, v, JAVA_LONG, 0, values.length);
            raw.updateBatch(k, v, keys.length, flag);
        }
    }

    public long count() {
        return raw.count();
    }

    public void clear() {
        raw.clear();
    }

    public String name() {
        return raw.name();
    }

    public RawMap raw() {
        return raw;
    }

    @Override
    public void close() {
        raw.close();
    }
}
