package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ebpfj.kernel.codec.Codecs;
import org.ebpfj.kernel.error.KeyExistsException;
import org.ebpfj.kernel.error.MapFullException;
import org.ebpfj.kernel.error.UnsupportedFeatureException;
import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.IntIntMap;
import org.ebpfj.kernel.map.IterationMode;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.map.UpdateFlag;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Walking maps: batch and GET_NEXT_KEY agree, batch writes and deletes, and the restart semantics. */
@ExtendWith(RequireBpf.class)
class IterationTest {
    private static final int ENTRIES = 3000;

    private static IntIntMap filled(MapType type, int max, int entries) {
        IntIntMap m = RawMap.create(MapSpec.builder("iter_" + type.name().toLowerCase(), type).keySize(4)
                .valueSize(4).maxEntries(max).build()).intInt();
        int[] keys = new int[entries];
        int[] values = new int[entries];
        for (int i = 0; i < entries; i++) {
            keys[i] = i * 7 + 1;
            values[i] = i;
        }
        m.putAll(keys, values, UpdateFlag.NOEXIST);
        return m;
    }

    private static Map<Integer, Integer> walk(IntIntMap m, IterationMode mode) {
        Map<Integer, Integer> out = new HashMap<>();
        m.forEach(mode, (k, v) -> assertThat(out.put(k, v)).as("key %d reported twice", k).isNull());
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = MapType.class, names = {"HASH", "LRU_HASH", "ARRAY"})
    void batchAndGetNextKeyWalksAgree(MapType type) {
        int max = type == MapType.LRU_HASH ? 2 * ENTRIES : 4096;
        try (IntIntMap m = filled(type == MapType.ARRAY ? MapType.HASH : type, max, ENTRIES)) {
            if (type == MapType.ARRAY) {
                return; // covered below with array-shaped keys
            }
            assertThat(m.raw().supportsBatch()).isTrue();
            Map<Integer, Integer> batch = walk(m, IterationMode.BATCH);
            Map<Integer, Integer> next = walk(m, IterationMode.GET_NEXT_KEY);
            assertThat(batch).hasSize(ENTRIES).isEqualTo(next).isEqualTo(m.toMap());
            assertThat(batch.get(7 * 5 + 1)).isEqualTo(5);
            assertThat(m.count()).isEqualTo(ENTRIES);
        }
    }

    @Test
    void arraysWalkEveryIndexInOrder() {
        try (IntIntMap a = RawMap.create(MapSpec.builder("iter_array", MapType.ARRAY).keySize(4).valueSize(4)
                .maxEntries(300).build()).intInt()) {
            a.put(299, 9);
            List<Integer> keys = new ArrayList<>();
            a.forEach(IterationMode.BATCH, (k, v) -> keys.add(k));
            assertThat(keys).hasSize(300).isSorted();
            assertThat(walk(a, IterationMode.GET_NEXT_KEY)).isEqualTo(walk(a, IterationMode.BATCH));
            assertThat(a.toMap().get(299)).isEqualTo(9);
        }
    }

    @Test
    void batchUpdateAndDelete() {
        try (BpfMap<Integer, Long> m = BpfMap.create(MapSpec.builder("iter_batch", MapType.HASH).keySize(4)
                .valueSize(8).maxEntries(128).build(), Integer.class, Long.class)) {
            Map<Integer, Long> entries = new HashMap<>();
            for (int i = 0; i < 100; i++) {
                entries.put(i, i * 3L);
            }
            m.putAll(entries, UpdateFlag.NOEXIST);
            assertThat(m.toMap()).isEqualTo(entries);
            assertThatThrownBy(() -> m.putAll(Map.of(5, 1L), UpdateFlag.NOEXIST))
                    .isInstanceOf(KeyExistsException.class).hasMessageContaining("key 0x05000000");
            m.putAll(Map.of(5, 1L, 6, 2L), UpdateFlag.ANY);
            assertThat(m.lookup(5)).hasValue(1L);
            assertThat(m.deleteAll(List.of(1, 2, 1000, 3, 2000))).as("absent keys are skipped").isEqualTo(3);
            assertThat(m.count()).isEqualTo(97);
            Map<Integer, Long> drained = m.drain();
            assertThat(drained).hasSize(97).containsEntry(50, 150L).doesNotContainKey(2);
            assertThat(m.count()).isZero();
            m.putAll(entries, UpdateFlag.ANY);
            m.clear();
            assertThat(m.keys()).isEmpty();
        }
    }

    @Test
    void batchFillThatOverflowsAHashReportsTheKeyThatDidNotFit() {
        try (IntIntMap m = RawMap.create(MapSpec.builder("iter_full", MapType.HASH).keySize(4).valueSize(4)
                .maxEntries(10).build()).intInt()) {
            int[] keys = new int[11];
            for (int i = 0; i < 11; i++) {
                keys[i] = 100 + i;
            }
            assertThatThrownBy(() -> m.putAll(keys, new int[11], UpdateFlag.ANY))
                    .isInstanceOfSatisfying(MapFullException.class, e -> assertThat(e.entries()).isEqualTo(10))
                    .hasMessageContaining("(10/10 entries)");
        }
    }

    /** Deleting the key a GET_NEXT_KEY walk stands on makes the kernel restart from the first key. */
    @Test
    void getNextKeyWalkSurvivesDeletingTheCurrentKey() {
        try (IntIntMap m = filled(MapType.HASH, 4096, 500)) {
            Set<Integer> all = walk(m, IterationMode.BATCH).keySet();
            List<Integer> seen = new ArrayList<>();
            m.forEach(IterationMode.GET_NEXT_KEY, (k, v) -> {
                seen.add(k);
                m.remove(k);
            });
            assertThat(seen).doesNotHaveDuplicates();
            assertThat(new HashSet<>(seen)).isEqualTo(all);
            assertThat(m.count()).isZero();
        }
    }

    @Test
    void getNextKeyWalkSkipsKeysDeletedBeforeItReachesThem() {
        try (IntIntMap m = filled(MapType.HASH, 4096, 500)) {
            List<Integer> order = new ArrayList<>();
            m.forEach(IterationMode.BATCH, (k, v) -> order.add(k));
            Set<Integer> deletedEarly = new HashSet<>(order.subList(250, 500));
            List<Integer> seen = new ArrayList<>();
            m.forEach(IterationMode.GET_NEXT_KEY, (k, v) -> {
                seen.add(k);
                if (seen.size() == 10) {
                    deletedEarly.forEach(m::remove);
                }
            });
            assertThat(seen).doesNotHaveDuplicates().doesNotContainAnyElementsOf(deletedEarly).hasSize(250);
        }
    }

    @Test
    void typesWithoutBatchCommandsFallBackToGetNextKey() {
        // DEVMAP_HASH (interface index -> interface index) has no batch lookup; 1 is the loopback interface
        MapSpec devmap = MapSpec.builder("iter_devmap", MapType.DEVMAP_HASH).keySize(4).valueSize(4).maxEntries(16)
                .build();
        try (BpfMap<Integer, Integer> devices = BpfMap.create(devmap, Integer.class, Integer.class)) {
            devices.put(7, 1);
            devices.put(9, 1);
            assertThat(devices.raw().supportsBatch()).isFalse();
            assertThat(devices.toMap()).isEqualTo(Map.of(7, 1, 9, 1));
            assertThat(devices.count()).isEqualTo(2);
            assertThatThrownBy(() -> devices.forEach(IterationMode.BATCH, (k, v) -> { }))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("BPF_MAP_LOOKUP_BATCH for DEVMAP_HASH maps");
            devices.clear();
            assertThat(devices.count()).isZero();
        }
    }

    @Test
    void lpmTrieKeysAreWalkedAsBytes() {
        MapSpec lpm = MapSpec.builder("iter_lpm", MapType.LPM_TRIE).keySize(8).valueSize(4).maxEntries(16)
                .flags(MapFlag.NO_PREALLOC).build();
        try (BpfMap<byte[], Integer> trie = BpfMap.create(lpm, Codecs.bytes(8), Codecs.int32())) {
            trie.put(new byte[] {24, 0, 0, 0, 10, 0, 0, 0}, 1);
            trie.put(new byte[] {16, 0, 0, 0, (byte) 192, (byte) 168, 0, 0}, 2);
            assertThat(trie.entries()).extracting(Map.Entry::getValue).containsExactlyInAnyOrder(1, 2);
            assertThat(trie.count()).isEqualTo(2);
            trie.clear();
            assertThat(trie.count()).isZero();
        }
    }

    @Test
    void bigBatchWalkCountsEveryEntry() {
        int n = 100_000;
        try (IntIntMap m = filled(MapType.HASH, n, n)) {
            long[] sum = new long[2];
            m.forEach(IterationMode.BATCH, (k, v) -> {
                sum[0]++;
                sum[1] += v;
            });
            assertThat(sum[0]).isEqualTo(n);
            assertThat(sum[1]).isEqualTo((long) n * (n - 1) / 2);
        }
    }
}
