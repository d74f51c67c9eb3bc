package org.ebpfj.kernel.map;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.ebpfj.kernel.internal.sys.Scratch;

/**
 * A map with 8-byte keys and 8-byte values (e.g. {@code __u64 -> __u64}) as longs, without boxing: the single-element
 * methods write the key into the thread's reused native buffer, issue one bpf() call and read the value back.
 */
public final class LongLongMap extends PrimitiveMap {

    LongLongMap(RawMap raw) {
        super(raw, 8, 8, "LongLongMap");
    }

    /** The value, or empty when the key is absent. */
    public OptionalLong lookup(long key) {
        Scratch s = lookupScratch(key);
        return found(raw.lookup(s)) ? OptionalLong.of(s.value.get(JAVA_LONG, 0)) : OptionalLong.empty();
    }

    public long getOrDefault(long key, long defaultValue) {
        Scratch s = lookupScratch(key);
        return found(raw.lookup(s)) ? s.value.get(JAVA_LONG, 0) : defaultValue;
    }

    public boolean containsKey(long key) {
        return found(raw.lookup(lookupScratch(key)));
    }

    public void put(long key, long value) {
        put(key, value, UpdateFlag.ANY);
    }

    public void put(long key, long value, UpdateFlag flag) {
        requireUpdated(update(key, value, flag), flag, key);
    }

    public UpdateResult tryPut(long key, long value, UpdateFlag flag) {
        return updateResult(update(key, value, flag), flag, key);
    }

    /** @return whether the key was present */
    public boolean remove(long key) {
        return removed(raw.delete(lookupScratch(key)), key);
    }

    /** @throws KeyNotFoundException when the key is absent */
    public void delete(long key) {
        requireRemoved(remove(key), key);
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
        requireSameLength(keys.length, values.length);
        putAll(keys, JAVA_LONG, values, JAVA_LONG, keys.length, flag);
    }

    private Scratch lookupScratch(long key) {
        Scratch s = Scratch.get(8, 8);
        s.key.set(JAVA_LONG, 0, key);
        return s;
    }

    private int update(long key, long value, UpdateFlag flag) {
        Scratch s = lookupScratch(key);
        s.value.set(JAVA_LONG, 0, value);
        return raw.update(s, flag.bits());
    }
}
