package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ebpfj.harness.assertions.BpfAssertions.assertThat;

import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.IntIntMap;
import org.ebpfj.kernel.map.PerCpuMap;
import org.ebpfj.kernel.map.QueueMap;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.map.UpdateFlag;
import org.ebpfj.kernel.program.TestRunResult;
import org.junit.jupiter.api.Test;

/** What a failed assertion says: the map's name, type, max_entries, size and some of its keys. */
class AssertionMessagesTest {

    @org.junit.jupiter.api.Nested
    @BpfTest(object = "bpf/hash_vs_lru.bpf.o")
    class HashAndLru {
        @MapRef("my_u32_elem_map") BpfMap<Integer, Integer> hash;
        @MapRef("my_u32_lru_elem_map") IntIntMap lru;
        @MapRef("small_lru_map") RawMap smallBytes;

        @Test
        void sizeFailuresDescribeTheMap() {
            for (int k = 1; k <= 12; k++) {
                hash.put(k, k);
            }

            assertThatThrownBy(() -> assertThat(hash).hasSize(5)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting map 'my_u32_elem_map' (HASH, max_entries 1003, 12 entries, keys"
                            + " e.g. [")
                    .hasMessageContaining(", ...])")
                    .hasMessageEndingWith("to have 5 entries, but it has 12");
            assertThatThrownBy(() -> assertThat(hash).isFull()).hasMessageContaining("to be full (1003 entries)");
            assertThatThrownBy(() -> assertThat(hash).isEmpty()).hasMessageContaining("to be empty, but it has 12");
        }

        @Test
        void keyFailuresNameTheKeys() {
            hash.put(1, 11);
            hash.put(2, 22);

            assertThatThrownBy(() -> assertThat(hash).containsKey(3)).hasMessageContaining("to contain key 3");
            assertThatThrownBy(() -> assertThat(hash).containsKeys(1, 3, 4))
                    .hasMessageContaining("to contain keys [1, 3, 4], but [3, 4] are missing");
            assertThatThrownBy(() -> assertThat(hash).containsEntry(1, 12))
                    .hasMessageContaining("to contain 1 -> 12, but the key maps to 11");
            assertThatThrownBy(() -> assertThat(hash).doesNotContainKey(2))
                    .hasMessageContaining("not to contain key 2, but it maps to 22");
            assertThatThrownBy(() -> assertThat(hash).hasEvicted(1, 5))
                    .hasMessageContaining("to have evicted keys [1, 5], but 1 is still present");
            assertThatThrownBy(() -> assertThat(hash).allValuesSatisfy(v -> org.assertj.core.api.Assertions
                    .assertThat(v).isLessThan(20)))
                    .hasMessageContaining("but 1 do not:").hasMessageContaining("2 -> 22");
            assertThatThrownBy(() -> assertThat(hash).as("after the fill").containsKey(9))
                    .hasMessageStartingWith("[after the fill]");
        }

        @Test
        void lruAssertionsNeedAnLruMap() {
            assertThatThrownBy(() -> assertThat(hash).keepsFewerThanMaxEntriesAfter(1004))
                    .hasMessageContaining("to be an LRU map (LRU_HASH or LRU_PERCPU_HASH); a HASH keeps its keys");
            assertThatThrownBy(() -> assertThat(lru).keepsFewerThanMaxEntriesAfter(10))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs more inserts");
            lru.put(1, 1);
            assertThatThrownBy(() -> assertThat(lru).hasLruModelSizeAfter(1004))
                    .hasMessageContaining("map 'my_u32_lru_elem_map' (LRU_HASH, max_entries 1003, 1 entries")
                    .hasMessageContaining("after 1004 inserts from one CPU, as the LRU model predicts");
        }

        @Test
        void rawMapsShowBytesInHex() {
            smallBytes.update(new byte[] {1, 0, 0, 0}, new byte[] {7, 0, 0, 0}, UpdateFlag.ANY);

            assertThat(smallBytes).containsEntry(new byte[] {1, 0, 0, 0}, new byte[] {7, 0, 0, 0});
            assertThatThrownBy(() -> assertThat(smallBytes).containsKey(new byte[] {2, 0, 0, 0}))
                    .hasMessageContaining("keys e.g. [0x01000000])").hasMessageContaining("to contain key 0x02000000");
        }
    }

    @org.junit.jupiter.api.Nested
    @BpfTest(object = "bpf/kinds.bpf.o")
    class PerCpuAndQueue {
        @MapRef("packets_per_cpu") PerCpuMap<Integer, Long> counts;
        @MapRef("packet_sizes") QueueMap<Integer> sizes;

        @Test
        void perCpuFailuresShowEveryCpu() {
            counts.putAllCpus(1, 3L, UpdateFlag.ANY);

            assertThat(counts).hasSum(1, 3L * counts.cpus()).hasValueOnEveryCpu(1, 3L);
            assertThatThrownBy(() -> assertThat(counts).hasSum(1, 1))
                    .hasMessageContaining("map 'packets_per_cpu' (PERCPU_ARRAY, max_entries 4")
                    .hasMessageContaining("add up to 1, but they add up to " + 3 * counts.cpus())
                    .hasMessageContaining("cpu0=3");
        }

        @Test
        void queueFailuresSayWhatIsNext() {
            sizes.push(5);

            assertThatThrownBy(() -> assertThat(sizes).hasNext(6)).hasMessageContaining("queue 'packet_sizes'")
                    .hasMessageContaining("to have 6 next, but it has 5");
            assertThatThrownBy(() -> assertThat(sizes).isEmpty()).hasMessageContaining("its next value is 5");
        }
    }

    @Test
    void testRunResultsCompareReturnValuesSignedOrNot() {
        TestRunResult minusSeven = new TestRunResult(0xFFFF_FFF9L, 0, new byte[] {1, 2}, new byte[0]);

        assertThat(minusSeven).returns(-7).returns(0xFFFF_FFF9L).hasDataOut(new byte[] {1, 2}).hasDataOutLength(2);
        assertThatThrownBy(() -> assertThat(minusSeven).returns(0))
                .hasMessageContaining("to return 0, but it returned 4294967289 (signed: -7)");
        assertThatThrownBy(() -> assertThat(minusSeven).hasDataOut(new byte[] {1, 3}))
                .hasMessageContaining("01 03").hasMessageContaining("first difference at byte 1");
    }
}
