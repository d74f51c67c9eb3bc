package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.machine.KernelVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LRU capacity against the measurements of research/lru-behavior.md (Linux 6.18.44, 2 possible CPUs). */
class LruModelTest {
    private static final KernelProfile TWO_CPUS = KernelProfile.defaults();

    /** §2.1 and §2.4, inserts from one CPU: entries after N, N+1 and 2N inserts, and when key 0 goes. */
    @ParameterizedTest(name = "N={0} NO_COMMON_LRU={1}")
    @CsvSource({
        "10,    false, 10,   10,   9,    10,   11",
        "100,   false, 100,  100,  76,   100,  101",
        "1003,  false, 1003, 982,  983,  961,  897",
        "10000, false, 10000, 9888, 9889, 9904, 9985",
        "10,    true,  10,   2,    3,    4,    6",
        "100,   true,  100,  48,   49,   48,   51",
        "1003,  true,  1004, 499,  500,  502,  503",
        "10000, true,  10000, 5000, 4997, 5000, 5001",
    })
    void reproducesTheMeasuredCounts(long n, boolean noCommonLru, long effective, long afterN, long afterNPlusOne,
                                     long afterTwoN, long keyZeroEvictedAt) {
        LruCapacity c = LruModel.capacity(n, noCommonLru, TWO_CPUS);

        assertThat(c.effectiveMaxEntries()).isEqualTo(effective);
        assertThat(c.afterInserts(n)).isEqualTo(afterN);
        assertThat(c.afterInserts(n + 1)).isEqualTo(afterNPlusOne);
        assertThat(c.afterInserts(2 * n)).isEqualTo(afterTwoN);
        assertThat(c.firstEvictionAtInsert()).isEqualTo(keyZeroEvictedAt);
    }

    @Test
    void targetFreeIsClampedFromLinux616() {
        assertThat(LruModel.capacity(10, false, TWO_CPUS).batch()).isEqualTo(2);
        assertThat(LruModel.capacity(100, false, TWO_CPUS).batch()).isEqualTo(25);
        assertThat(LruModel.capacity(1003, false, TWO_CPUS).batch()).isEqualTo(128);
        KernelProfile old = TWO_CPUS.toBuilder().version(KernelVersion.parse("6.6")).build();
        LruCapacity small = LruModel.capacity(10, false, old);
        assertThat(small.batch()).as("a batch of 128 takes the whole map").isEqualTo(10);
        assertThat(small.afterInserts(11)).isEqualTo(1);
    }

    @Test
    void allCpusCanParkABatchEach() {
        LruCapacity c = LruModel.capacity(10000, false, TWO_CPUS);
        assertThat(c.singleWriterMinimum()).isEqualTo(9873);
        // measured with inserts alternating between both CPUs: 9760 after N inserts, never fewer
        assertThat(c.allCpusMinimum()).isEqualTo(9744).isLessThanOrEqualTo(9760);
    }

    @Test
    void closedFormAgreesWithAStepByStepModelOfTheLruLists() {
        for (int cpus : new int[] {1, 2, 3, 4, 8}) {
            for (boolean clamped : new boolean[] {true, false}) {
                KernelProfile p = TWO_CPUS.toBuilder().possibleCpus(cpus).lruClampedTargetFree(clamped).build();
                for (long n = 1; n <= 700; n++) {
                    LruCapacity c = LruModel.capacity(n, false, p);
                    LruSimulator sim = LruSimulator.commonLru(n, LruModel.targetFree(n, cpus, clamped));
                    for (long j = 1; j <= 3 * n + 2; j++) {
                        assertThat(c.afterInserts(j)).as("N=%d P=%d clamped=%s insert %d", n, cpus, clamped, j)
                                .isEqualTo(sim.insert());
                    }
                    assertThat(c.firstEvictionAtInsert()).as("N=%d P=%d", n, cpus).isEqualTo(sim.keyZeroEvictedAt());
                }
            }
            for (long n = 1; n <= 300; n++) {
                LruCapacity c = LruModel.capacity(n, true, TWO_CPUS.toBuilder().possibleCpus(cpus).build());
                LruSimulator sim = LruSimulator.perCpuLru(c.perCpuLimit());
                for (long j = 1; j <= 3 * n + 2; j++) {
                    assertThat(c.afterInserts(j)).as("N=%d P=%d percpu insert %d", n, cpus, j).isEqualTo(sim.insert());
                }
                assertThat(c.firstEvictionAtInsert()).isEqualTo(sim.keyZeroEvictedAt());
            }
        }
    }
}
