package org.ebpfj.harness.assertions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.assertj.core.api.AbstractAssert;
import org.ebpfj.harness.LruExpectations;
import org.ebpfj.object.rules.LruCapacity;
import org.ebpfj.object.uapi.MapType;

/**
 * Assertions on a live map with keys (HASH, LRU_HASH, ARRAY, ...). Sizes are counted by the kernel walk of
 * {@link org.ebpfj.kernel.map.RawMap#count()} (batched where the kernel can), once per assertion. Failure messages show
 * the map's name, type, max_entries, size and a sample of its keys.
 *
 * <p>For LRU maps, sizes after overflowing depend on the kernel and on how inserts spread over CPUs; see
 * {@link #keepsFewerThanMaxEntriesAfter(long)} (holds everywhere) and {@link #hasLruModelSizeAfter(long)} (exact, for
 * inserts from one CPU).
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class MapAssert<K, V> extends AbstractAssert<MapAssert<K, V>, Object> {
    private static final int MAX_LISTED = 10;

    private final MapView<K, V> map;

    MapAssert(MapView<K, V> map) {
        super(map.handle(), MapAssert.class);
        this.map = map;
    }

    public MapAssert<K, V> containsKey(K key) {
        isNotNull();
        if (!map.containsKey(key)) {
            fail("to contain key " + MapView.show(key));
        }
        return this;
    }

    public MapAssert<K, V> doesNotContainKey(K key) {
        isNotNull();
        Optional<V> v = map.lookup(key);
        if (v.isPresent()) {
            fail("not to contain key " + MapView.show(key) + ", but it maps to " + MapView.show(v.get()));
        }
        return this;
    }

    @SafeVarargs
    public final MapAssert<K, V> containsKeys(K... keys) {
        return everyKey(keys, true, "to contain keys ", " missing");
    }

    /**
     * The keys were inserted and are gone: what an LRU map's eviction (or a program's delete) leaves. Fails with
     * the keys still present.
     */
    @SafeVarargs
    public final MapAssert<K, V> hasEvicted(K... keys) {
        return everyKey(keys, false, "to have evicted keys ", " still present");
    }

    /** Fails naming the keys whose presence is not {@code present}. */
    private MapAssert<K, V> everyKey(K[] keys, boolean present, String expectation, String problem) {
        isNotNull();
        List<String> asked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (K k : keys) {
            asked.add(MapView.show(k));
            if (map.containsKey(k) != present) {
                wrong.add(MapView.show(k));
            }
        }
        if (!wrong.isEmpty()) {
            fail(expectation + asked + ", but " + listed(wrong) + problem);
        }
        return this;
    }

    /** The key is present with a value equal to {@code value} (arrays compared by content). */
    public MapAssert<K, V> containsEntry(K key, V value) {
        isNotNull();
        Optional<V> v = map.lookup(key);
        if (v.isEmpty()) {
            fail("to contain " + MapView.show(key) + " -> " + MapView.show(value) + ", but the key is absent");
        } else if (!Objects.deepEquals(v.get(), value)) {
            fail("to contain " + MapView.show(key) + " -> " + MapView.show(value) + ", but the key maps to "
                    + MapView.show(v.get()));
        }
        return this;
    }

    public MapAssert<K, V> hasSize(long expected) {
        return size(n -> n == expected, "to have " + expected + " entries");
    }

    public MapAssert<K, V> hasSizeLessThan(long bound) {
        return size(n -> n < bound, "to have fewer than " + bound + " entries");
    }

    public MapAssert<K, V> hasSizeLessThanOrEqualTo(long bound) {
        return size(n -> n <= bound, "to have at most " + bound + " entries");
    }

    public MapAssert<K, V> hasSizeGreaterThan(long bound) {
        return size(n -> n > bound, "to have more than " + bound + " entries");
    }

    public MapAssert<K, V> hasSizeGreaterThanOrEqualTo(long bound) {
        return size(n -> n >= bound, "to have at least " + bound + " entries");
    }

    /** {@code low <= size <= high}. */
    public MapAssert<K, V> hasSizeBetween(long low, long high) {
        return size(n -> n >= low && n <= high, "to have between " + low + " and " + high + " entries");
    }

    public MapAssert<K, V> isEmpty() {
        return size(n -> n == 0, "to be empty");
    }

    public MapAssert<K, V> isNotEmpty() {
        return size(n -> n > 0, "not to be empty");
    }

    /** Holds exactly max_entries entries, as a HASH does when it starts refusing new keys (E2BIG). */
    public MapAssert<K, V> isFull() {
        return size(n -> n == map.raw().maxEntries(), "to be full (" + map.raw().maxEntries() + " entries)");
    }

    public MapAssert<K, V> isNotFull() {
        return size(n -> n < map.raw().maxEntries(), "not to be full");
    }

    /** Never more than max_entries: true of every map, on every kernel. */
    public MapAssert<K, V> keepsAtMostMaxEntries() {
        return size(n -> n <= map.raw().maxEntries(), "to hold at most max_entries (" + map.raw().maxEntries()
                + ") entries");
    }

    /**
     * After {@code inserts} distinct keys (more than max_entries) an LRU map accepted every insert but keeps fewer
     * than max_entries: it evicts in batches, not one key at a time. This holds on any kernel and CPU count and
     * however inserts were spread over CPUs, unless a batch is a single entry: batches are
     * clamp(max_entries / possible CPUs / 2, 1, 128) since Linux 6.16 and 128 before, and the first eviction removes
     * (batch − max_entries mod batch) entries; so it fails only for tiny maps on many CPUs or when max_entries mod
     * batch is batch − 1 (the message then says so, from the model).
     *
     * @throws IllegalArgumentException when {@code inserts} does not exceed max_entries
     */
    public MapAssert<K, V> keepsFewerThanMaxEntriesAfter(long inserts) {
        isNotNull();
        long max = map.raw().maxEntries();
        if (inserts <= max) {
            throw new IllegalArgumentException("keepsFewerThanMaxEntriesAfter(" + inserts + ") needs more inserts"
                    + " than max_entries (" + max + ")");
        }
        requireLru();
        long n = map.count();
        if (n <= 0 || n >= max) {
            LruCapacity c = LruExpectations.capacity(map.raw());
            fail(map.describe(n), "to keep between 1 and " + (max - 1) + " entries after " + inserts
                    + " inserts; the model for this machine (" + c.possibleCpus() + " possible CPUs, eviction batch "
                    + c.batch() + ") predicts " + c.afterInserts(inserts) + " from one CPU");
        }
        return this;
    }

    /**
     * Exactly as many entries as bpf-object's LRU model predicts for this machine after {@code inserts} distinct
     * keys from one CPU ({@link LruExpectations#afterInserts(org.ebpfj.kernel.map.RawMap, long)}). Use it with
     * {@link org.ebpfj.harness.PinnedToCpu} (or inserts from one BPF program run).
     */
    public MapAssert<K, V> hasLruModelSizeAfter(long inserts) {
        isNotNull();
        requireLru();
        LruCapacity c = LruExpectations.capacity(map.raw());
        long expected = c.afterInserts(inserts);
        long n = map.count();
        if (n != expected) {
            fail(map.describe(n), "to have " + expected + " entries after " + inserts + " inserts from one CPU, as the"
                    + " LRU model predicts for " + c.possibleCpus() + " possible CPUs (eviction batch " + c.batch()
                    + ", first eviction at insert " + c.firstEvictionAtInsert() + "); were the inserts all made on"
                    + " one CPU (@PinnedToCpu)?");
        }
        return this;
    }

    /** Every value passes {@code requirement} (e.g. AssertJ assertions); failures list their keys. */
    public MapAssert<K, V> allValuesSatisfy(Consumer<? super V> requirement) {
        return allEntriesSatisfy((k, v) -> requirement.accept(v));
    }

    public MapAssert<K, V> allEntriesSatisfy(BiConsumer<? super K, ? super V> requirement) {
        isNotNull();
        List<String> failures = new ArrayList<>();
        int[] failed = {0};
        map.forEach((k, v) -> {
            try {
                requirement.accept(k, v);
            } catch (AssertionError e) {
                if (failed[0]++ < MAX_LISTED) {
                    failures.add(MapView.show(k) + " -> " + MapView.show(v) + ": " + e.getMessage().strip());
                }
            }
        });
        if (failed[0] > 0) {
            fail("to have only entries that satisfy the requirement, but " + failed[0] + " do not:\n  "
                    + String.join("\n  ", failures) + (failed[0] > MAX_LISTED ? "\n  ..." : ""));
        }
        return this;
    }

    private void requireLru() {
        if (!map.raw().type().map(MapType::isLru).orElse(false)) {
            fail("to be an LRU map (LRU_HASH or LRU_PERCPU_HASH); a " + map.raw().info().typeName()
                    + " keeps its keys and refuses new ones when full");
        }
    }

    private MapAssert<K, V> size(java.util.function.LongPredicate ok, String expectation) {
        isNotNull();
        long n = map.count();
        if (!ok.test(n)) {
            fail(map.describe(n), expectation + ", but it has " + n);
        }
        return this;
    }

    private void fail(String expectation) {
        fail(map.describe(map.count()), expectation);
    }

    private void fail(String described, String expectation) {
        failWithMessage("%nExpecting %s%n%s", described, expectation);
    }

    private static String listed(List<String> keys) {
        return keys.size() == 1 ? keys.get(0) + " is" : keys + " are";
    }
}
