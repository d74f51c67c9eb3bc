package org.ebpfj.harness;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.rules.LruCapacity;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.rules.MapRuleEngine;
import org.ebpfj.object.uapi.MapType;

/**
 * How many entries an LRU hash map keeps on this machine, from bpf-object's model of {@code bpf_lru_list.c}
 * ({@link MapRuleEngine#lruCapacity}) and the running kernel's profile ({@link KernelProfile#readRunning()}: its
 * possible CPUs and whether its LRU batches are clamped).
 *
 * <p>The numbers are exact for inserts of distinct keys from <b>one CPU</b>, without lookups from BPF programs and
 * without deletes: pin the test with {@link PinnedToCpu}, or insert from one BPF program run. For example, a
 * 1003-entry LRU_HASH on a 6.18 kernel with 2 possible CPUs keeps 983 entries after 1004 inserts:
 * <pre>{@code
 * @Test @PinnedToCpu
 * void lruKeepsWhatTheModelSays() {
 *     for (int k = 1; k <= 1004; k++) lru.put(k, k * 11);
 *     assertThat(lru).hasSize(LruExpectations.afterInserts(1003, 1004));
 * }
 * }</pre>
 * Inserts spread over CPUs lose up to a batch per CPU more; for assertions that hold anywhere, see
 * {@link org.ebpfj.harness.assertions.MapAssert#keepsFewerThanMaxEntriesAfter(long)}.
 */
public final class LruExpectations {
    private LruExpectations() {
    }

    /** Entries a common-LRU LRU_HASH keeps after {@code inserts} distinct keys from one CPU. */
    public static long afterInserts(long maxEntries, long inserts) {
        return capacity(maxEntries, 0).afterInserts(inserts);
    }

    /** The same for a live map, with its type, flags ({@code BPF_F_NO_COMMON_LRU}) and max_entries. */
    public static long afterInserts(RawMap map, long inserts) {
        return capacity(map).afterInserts(inserts);
    }

    /** The model's capacity of an LRU_HASH with these max_entries and map_flags on this machine. */
    public static LruCapacity capacity(long maxEntries, long flags) {
        MapCreateAttr attr = MapCreateAttr.builder(MapType.LRU_HASH).keySize(4).valueSize(4).maxEntries(maxEntries)
                .flags(flags).build();
        return engine().lruCapacity(attr).orElseThrow();
    }

    /** The model's capacity of a live LRU map. */
    public static LruCapacity capacity(RawMap map) {
        MapType type = map.type().filter(MapType::isLru).orElseThrow(() -> new IllegalArgumentException(
                "map '" + map.name() + "' is " + map.info().typeName() + ", not an LRU map"));
        MapCreateAttr attr = MapCreateAttr.builder(type).keySize(map.keySize()).valueSize(map.valueSize())
                .maxEntries(map.maxEntries()).flags(map.info().flags()).build();
        return engine().lruCapacity(attr).orElseThrow();
    }

    /** The running machine's profile, read once (plain /proc and /sys reads). */
    public static KernelProfile runningProfile() {
        return Running.PROFILE;
    }

    private static MapRuleEngine engine() {
        return new MapRuleEngine(runningProfile());
    }

    /** Read on first use; immutable afterwards, so sharing it between threads needs no locking. */
    private static final class Running {
        static final KernelProfile PROFILE = read();

        private static KernelProfile read() {
            try {
                return KernelProfile.readRunning();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the running kernel's profile from /proc and /sys", e);
            }
        }
    }
}
