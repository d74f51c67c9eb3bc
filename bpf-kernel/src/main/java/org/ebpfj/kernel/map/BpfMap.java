package org.ebpfj.kernel.map;

import static org.ebpfj.kernel.internal.sys.BpfCommand.MAP_LOOKUP_AND_DELETE_ELEM;
import static org.ebpfj.kernel.internal.sys.BpfCommand.MAP_LOOKUP_ELEM;
import static org.ebpfj.kernel.map.MapStatus.found;
import static org.ebpfj.kernel.map.MapStatus.updated;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.kernel.error.KeyNotFoundException;
import org.ebpfj.kernel.error.MapErrors;
import org.ebpfj.kernel.internal.sys.Scratch;
import org.ebpfj.object.spec.MapSpec;

/**
 * A typed handle to a map with keys (HASH, ARRAY, LRU_HASH, LPM_TRIE, ...): keys and values go through codecs
 * whose sizes were checked against the map when the handle was made. Absent keys are {@link Optional#empty()} or
 * {@code false}, never exceptions; refusals the caller asked for (NOEXIST on a present key, EXIST on an absent
 * one, a full HASH) are typed exceptions, or {@link UpdateResult}s from {@code tryPut}.
 *
 * <p>Per-CPU maps use {@link PerCpuMap}, QUEUE/STACK use {@link QueueMap}. For 4/8-byte primitive keys and values
 * without boxing, see {@link IntIntMap}, {@link IntLongMap}, {@link LongLongMap}.
 */
public final class BpfMap<K, V> extends CodecMapView<K, V> {
    BpfMap(RawMap raw, MapCodec<K> keyCodec, MapCodec<V> valueCodec) {
        super(MapViews.requireKeyed(raw), keyCodec, valueCodec);
    }

    /** Creates a standalone map (BPF_MAP_CREATE) with codecs for the classes; closing the handle frees it. */
    public static <K, V> BpfMap<K, V> create(MapSpec spec, Class<K> keyClass, Class<V> valueClass) {
        return MapViews.create(spec, raw -> raw.typed(keyClass, valueClass));
    }

    public static <K, V> BpfMap<K, V> create(MapSpec spec, MapCodec<K> keyCodec, MapCodec<V> valueCodec) {
        return MapViews.create(spec, raw -> raw.typed(keyCodec, valueCodec));
    }

    /** The key's value, or empty when the key is absent. */
    public Optional<V> lookup(K key) {
        Scratch s = keyed(key);
        return found(raw.info(), raw.descriptor.lookup(s), MAP_LOOKUP_ELEM) ? Optional.of(valueCodec.decode(s.value, 0))
                : Optional.empty();
    }

    public V getOrDefault(K key, V defaultValue) {
        return lookup(key).orElse(defaultValue);
    }

    public boolean containsKey(K key) {
        return found(raw.info(), raw.descriptor.lookup(keyed(key)), MAP_LOOKUP_ELEM);
    }

    /**
     * Creates or replaces ({@link UpdateFlag#ANY}).
     *
     * @throws org.ebpfj.kernel.error.MapFullException for a new key in a full HASH
     */
    public void put(K key, V value) {
        put(key, value, UpdateFlag.ANY);
    }

    /**
     * @throws org.ebpfj.kernel.error.KeyExistsException  NOEXIST and the key is present
     * @throws org.ebpfj.kernel.error.KeyNotFoundException EXIST and the key is absent
     * @throws org.ebpfj.kernel.error.MapFullException    a new key and the HASH (or QUEUE/STACK) is full
     */
    public void put(K key, V value, UpdateFlag flag) {
        updated(raw.info(), update(key, value, flag), flag, () -> keyCodec.describe(key));
    }

    /** {@link #put(Object, Object, UpdateFlag)} with the expected refusals as values instead of exceptions. */
    public UpdateResult tryPut(K key, V value, UpdateFlag flag) {
        int r = update(key, value, flag);
        return MapErrors.updateResult(raw.info(), r, flag, keyCodec.describe(key));
    }

    private int update(K key, V value, UpdateFlag flag) {
        Scratch s = keyed(key);
        valueCodec.encode(value, s.value, 0);
        return raw.descriptor.update(s, flag.bits());
    }

    /**
     * Deletes the key.
     *
     * @throws org.ebpfj.kernel.error.KeyNotFoundException when it is absent
     */
    public void delete(K key) {
        if (!remove(key)) {
            throw new KeyNotFoundException(raw.name(), keyCodec.describe(key), "delete");
        }
    }


    /** Removes the key and returns its value (BPF_MAP_LOOKUP_AND_DELETE_ELEM; hash maps need Linux 5.14). */
    public Optional<V> lookupAndDelete(K key) {
        Scratch s = keyed(key);
        return found(raw.info(), raw.descriptor.lookupAndDelete(s), MAP_LOOKUP_AND_DELETE_ELEM)
                ? Optional.of(valueCodec.decode(s.value, 0)) : Optional.empty();
    }

    /** Visits every entry (batched where the kernel can). */
    public void forEach(BiConsumer<? super K, ? super V> action) {
        forEach(IterationMode.AUTO, action);
    }

    public void forEach(IterationMode mode, BiConsumer<? super K, ? super V> action) {
        raw.forEach(mode, (k, ko, v, vo) -> action.accept(keyCodec.decode(k, ko), valueCodec.decode(v, vo)));
    }

    /** A snapshot of the keys. */
    public List<K> keys() {
        List<K> out = new ArrayList<>();
        raw.forEach(IterationMode.AUTO, (k, ko, v, vo) -> out.add(keyCodec.decode(k, ko)));
        return out;
    }

    /** A snapshot of the entries, in the kernel's order (use this for array-typed keys, which lack equals). */
    public List<Map.Entry<K, V>> entries() {
        List<Map.Entry<K, V>> out = new ArrayList<>();
        forEach((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
        return out;
    }

    /** A snapshot as a map, in the kernel's order. */
    public Map<K, V> toMap() {
        Map<K, V> out = new LinkedHashMap<>();
        forEach(out::put);
        return out;
    }

    /** Removes every entry and returns them (BPF_MAP_LOOKUP_AND_DELETE_BATCH where supported). */
    public Map<K, V> drain() {
        Map<K, V> out = new LinkedHashMap<>();
        raw.drain((k, ko, v, vo) -> out.put(keyCodec.decode(k, ko), valueCodec.decode(v, vo)));
        return out;
    }

    /** Writes all entries with one BPF_MAP_UPDATE_BATCH (or one update each where the kernel has no batch). */
    public void putAll(Map<? extends K, ? extends V> entries, UpdateFlag flag) {
        int n = entries.size();
        long keySize = raw.keySize();
        long valueSize = raw.valueSize();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment keys = arena.allocate(Math.max(1, keySize * n), 8);
            MemorySegment values = arena.allocate(Math.max(1, valueSize * n), 8);
            int i = 0;
            for (Map.Entry<? extends K, ? extends V> e : entries.entrySet()) {
                keyCodec.encode(e.getKey(), keys, i * keySize);
                valueCodec.encode(e.getValue(), values, i * valueSize);
                i++;
            }
            raw.updateBatch(keys, values, n, flag);
        }
    }

    /** Deletes the keys (BPF_MAP_DELETE_BATCH where supported); absent keys are skipped. @return keys deleted */
    public int deleteAll(Collection<? extends K> keys) {
        int n = keys.size();
        long keySize = raw.keySize();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, keySize * n), 8);
            int i = 0;
            for (K k : keys) {
                keyCodec.encode(k, buf, i * keySize);
                i++;
            }
            return raw.deleteBatch(buf, n);
        }
    }

    @Override
    public String toString() {
        return raw + " as " + keyCodec.name() + " -> " + valueCodec.name();
    }
}
