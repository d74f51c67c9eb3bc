package org.ebpfj.kernel.map;

import static org.ebpfj.kernel.map.MapStatus.found;
import static org.ebpfj.kernel.map.MapStatus.updated;

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
import org.ebpfj.kernel.internal.sys.BpfCommand;
import org.ebpfj.kernel.internal.sys.Scratch;
import org.ebpfj.object.spec.MapSpec;

/**
 * A typed handle to a per-CPU map (PERCPU_HASH, PERCPU_ARRAY, LRU_PERCPU_HASH): every key has one value per
 * possible CPU. User space reads and writes all of them at once; each CPU's value sits in a slot of the value size
 * rounded up to 8 bytes, as the kernel lays them out. Lists have one element per possible CPU, index = CPU number.
 */
public final class PerCpuMap<K, V> extends CodecMapView<K, V> {
    private final int cpus;
    private final long slot;

    PerCpuMap(RawMap raw, MapCodec<K> keyCodec, MapCodec<V> valueCodec) {
        super(MapViews.requirePerCpu(raw), keyCodec, valueCodec);
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
        return found(raw.info(), raw.descriptor.lookup(s), BpfCommand.MAP_LOOKUP_ELEM) ? Optional.of(decode(s.value, 0))
                : Optional.empty();
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
        updated(raw.info(), raw.descriptor.update(s, flag.bits()), flag, () -> keyCodec.describe(key));
    }

    /** Writes the same value for every CPU. */
    public void putAllCpus(K key, V value, UpdateFlag flag) {
        put(key, Collections.nCopies(cpus, value), flag);
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
