package org.ebpfj.kernel.map;

import static org.ebpfj.kernel.internal.sys.Errnos.ENOENT;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.ebpfj.kernel.Kernel;
import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.kernel.error.MapErrors;
import org.ebpfj.kernel.internal.sys.BpfCommand;
import org.ebpfj.kernel.internal.sys.Scratch;
import org.ebpfj.object.spec.MapSpec;

/**
 * A typed handle to a per-CPU map (PERCPU_HASH, PERCPU_ARRAY, LRU_PERCPU_HASH): every key has one value per
 * possible CPU. User space reads and writes all of them at once; each CPU's value sits in a slot of the value size
 * rounded up to 8 bytes, as the kernel lays them out. Lists have one element per possible CPU, index = CPU number.
 */
public final class PerCpuMap<K, V> extends MapView {
    private final MapCodec<K> keyCodec;
    private final MapCodec<V> valueCodec;
    private final int cpus;
    private final long slot;

    PerCpuMap(RawMap raw, MapCodec<K> keyCodec, MapCodec<V> valueCodec) {
        super(raw);
        MapViews.requirePerCpu(raw);
        MapViews.checkCodec(raw, "key", keyCodec, raw.keySize());
        MapViews.checkCodec(raw, "value", valueCodec, raw.valueSize());
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        this.cpus = Kernel.possibleCpus();
        this.slot = RawMap.roundUp8(raw.valueSize());
    }

    public static <K, V> PerCpuMap<K, V> create(MapSpec spec, Class<K> keyClass, Class<V> valueClass) {
        return MapViews.create(spec, raw -> raw.perCpu(keyClass, valueClass));
    }

    /** The number of values per key: the possible CPUs. */
    public int cpus() {
        return cpus;
    }

    /** One value per possible CPU, or empty when the key is absent. */
    public Optional<List<V>> lookup(K key) {
        Scratch s = keyed(key);
        return found(raw.descriptor.lookup(s), BpfCommand.MAP_LOOKUP_ELEM) ? Optional.of(decode(s.value, 0))
                : Optional.empty();
    }

    /** The thread's buffers, room for every CPU's value, with the key encoded into them. */
    private Scratch keyed(K key) {
        Scratch s = Scratch.get(raw.keySize(), raw.valueBufferSize());
        keyCodec.encode(key, s.key, 0);
        return s;
    }

    /** Writes one value per possible CPU ({@code values.size()} must be {@link #cpus()}). */
    public void put(K key, List<? extends V> values, UpdateFlag flag) {
        if (values.size() != cpus) {
            throw new IllegalArgumentException("map '" + raw.name() + "' needs " + cpus
                    + " values (one per possible CPU), got " + values.size());
        }
        Scratch s = keyed(key);
        s.value.asSlice(0, raw.valueBufferSize()).fill((byte) 0);
        for (int cpu = 0; cpu < cpus; cpu++) {
            valueCodec.encode(values.get(cpu), s.value, cpu * slot);
        }
        int r = raw.descriptor.update(s, flag.bits());
        if (r != 0) {
            throw MapErrors.update(raw.info(), -r, flag, keyCodec.describe(key));
        }
    }

    /** Writes the same value for every CPU. */
    public void putAllCpus(K key, V value, UpdateFlag flag) {
        put(key, Collections.nCopies(cpus, value), flag);
    }

    /** @return whether the key was present */
    public boolean remove(K key) {
        int r = raw.descriptor.delete(keyed(key));
        if (r == 0 || r == -ENOENT) {
            return r == 0;
        }
        throw MapErrors.delete(raw.info(), -r, keyCodec.describe(key));
    }

    public long count() {
        return raw.count();
    }

    public void clear() {
        raw.clear();
    }

    public void forEach(BiConsumer<? super K, ? super List<V>> action) {
        raw.forEach(IterationMode.AUTO, (k, ko, v, vo) -> action.accept(keyCodec.decode(k, ko), decode(v, vo)));
    }

    public Map<K, List<V>> toMap() {
        Map<K, List<V>> out = new LinkedHashMap<>();
        forEach(out::put);
        return out;
    }

    private List<V> decode(MemorySegment values, long offset) {
        List<V> out = new ArrayList<>(cpus);
        for (int cpu = 0; cpu < cpus; cpu++) {
            out.add(valueCodec.decode(values, offset + cpu * slot));
        }
        return List.copyOf(out);
    }
}
