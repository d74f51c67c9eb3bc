package org.ebpfj.harness.assertions;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.kernel.map.IterationMode;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.object.uapi.MapFlag;

/**
 * Any keyed, one-value-per-key map handle seen through its {@link RawMap} and codecs, so one assertion class serves
 * {@code BpfMap}, {@code IntIntMap}, {@code RawMap} and the rest. Lookups do not touch LRU reference bits (syscall
 * lookups never do), so asserting does not change what an LRU evicts next.
 */
record MapView<K, V>(Object handle, RawMap raw, MapCodec<K> keyCodec, MapCodec<V> valueCodec) {
    private static final int SAMPLE_KEYS = 8;

    long count() {
        return raw.count();
    }

    Optional<V> lookup(K key) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment k = arena.allocate(Math.max(1, raw.keySize()), 8);
            MemorySegment v = arena.allocate(Math.max(1, raw.valueBufferSize()), 8);
            keyCodec.encode(key, k, 0);
            return raw.lookup(k, v) ? Optional.of(valueCodec.decode(v, 0)) : Optional.empty();
        }
    }

    boolean containsKey(K key) {
        return lookup(key).isPresent();
    }

    void forEach(BiConsumer<K, V> action) {
        raw.forEach(IterationMode.AUTO, (k, ko, v, vo) -> action.accept(keyCodec.decode(k, ko),
                valueCodec.decode(v, vo)));
    }

    /** The first few keys in the kernel's order (one GET_NEXT_KEY each, so large maps stay cheap). */
    List<K> sampleKeys() {
        List<K> out = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment current = arena.allocate(Math.max(1, raw.keySize()), 8);
            MemorySegment next = arena.allocate(Math.max(1, raw.keySize()), 8);
            boolean first = true;
            while (out.size() < SAMPLE_KEYS && raw.nextKey(first ? null : current, next)) {
                out.add(keyCodec.decode(next, 0));
                MemorySegment.copy(next, 0, current, 0, raw.keySize());
                first = false;
            }
        }
        return out;
    }

    /** For messages: {@code map 'lru' (LRU_HASH, max_entries 1003, 983 entries, keys e.g. [22, 23, ...])}. */
    String describe(long count) {
        List<K> sample = sampleKeys();
        StringBuilder sb = new StringBuilder("map '").append(raw.name()).append("' (").append(raw.info().typeName());
        if (raw.info().flags() != 0) {
            sb.append(", flags ").append(MapFlag.describe(raw.info().flags()));
        }
        sb.append(", max_entries ").append(raw.maxEntries()).append(", ").append(count).append(" entries");
        if (!sample.isEmpty()) {
            sb.append(", keys e.g. ").append(sample.stream().map(MapView::show).toList());
            if (count > sample.size()) {
                sb.setLength(sb.length() - 1);
                sb.append(", ...]");
            }
        }
        return sb.append(')').toString();
    }

    static String show(Object value) {
        if (value instanceof byte[] b) {
            return "0x" + HexFormat.of().formatHex(b);
        }
        return String.valueOf(value);
    }
}
