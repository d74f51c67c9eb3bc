package org.ebpfj.kernel.map;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.ebpfj.kernel.internal.sys.Scratch;

/**
 * A map with 4-byte keys and 4-byte values (e.g. {@code __u32 -> __u32}) as ints, without boxing: the single-element
 * methods write the key into the thread's reused native buffer, issue one bpf() call and read the value back.
 */
public final class IntIntMap extends PrimitiveMap {

    IntIntMap(RawMap raw) {
        super(raw, 4, 4, "IntIntMap");
    }

    /** The value, or empty when the key is absent. */
    public OptionalInt lookup(int key) {
        Scratch s = lookupScratch(key);
        return found(raw.lookup(s)) ? OptionalInt.of(s.value.get(JAVA_INT, 0)) : OptionalInt.empty();
    }

    public int getOrDefault(int key, int defaultValue) {
        Scratch s = lookupScratch(key);
        return found(raw.lookup(s)) ? s.value.get(JAVA_INT, 0) : defaultValue;
    }

    public boolean containsKey(int key) {
        return found(raw.lookup(lookupScratch(key)));
    }

    public void put(int key, int value) {
        put(key, value, UpdateFlag.ANY);
    }

    public void put(int key, int value, UpdateFlag flag) {
        requireUpdated(update(key, value, flag), flag, key);
    }

    public UpdateResult tryPut(int key, int value, UpdateFlag flag) {
        return updateResult(update(key, value, flag), flag, key);
    }

    /** @return whether the key was present */
    public boolean remove(int key) {
        return removed(raw.delete(lookupScratch(key)), key);
    }

    /** @throws KeyNotFoundException when the key is absent */
    public void delete(int key) {
        requireRemoved(remove(key), key);
    }

    /** Receives entries without boxing. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(int key, int value);
    }

    public void forEach(EntryConsumer action) {
        forEach(IterationMode.AUTO, action);
    }

    public void forEach(IterationMode mode, EntryConsumer action) {
        raw.forEachChunk(mode, (keys, values, count) -> {
            for (int i = 0; i < count; i++) {
                action.accept(keys.get(JAVA_INT_UNALIGNED, 4L * i), values.get(JAVA_INT_UNALIGNED, 4L * i));
            }
        });
    }

    public Map<Integer, Integer> toMap() {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        forEach(out::put);
        return out;
    }

    /** Writes {@code keys[i] -> values[i]} with batch updates (one update each where unsupported). */
    public void putAll(int[] keys, int[] values, UpdateFlag flag) {
        requireSameLength(keys.length, values.length);
        putAll(keys, JAVA_INT, values, JAVA_INT, keys.length, flag);
    }

    private Scratch lookupScratch(int key) {
        Scratch s = Scratch.get(4, 4);
        s.key.set(JAVA_INT, 0, key);
        return s;
    }

    private int update(int key, int value, UpdateFlag flag) {
        Scratch s = lookupScratch(key);
        s.value.set(JAVA_INT, 0, value);
        return raw.update(s, flag.bits());
    }
}
