package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.Errno;
import org.junit.jupiter.api.Test;

class MemoryModelTest {
    private final MapRuleEngine engine = new MapRuleEngine(KernelProfile.defaults());

    private MemoryEstimate estimate(String line) throws Exception {
        return engine.estimate(MapCreateAttr.parse(line));
    }

    @Test
    void aPreallocatedHashHoldsASpareElementPerCpu() throws Exception {
        // elem = 48 + round_up(4, 8) + round_up(12, 8) = 72; (1000 + 2 CPUs) elements; 1024 buckets of 16 bytes
        MemoryEstimate e = estimate("HASH 4 12 1000 0");
        assertThat(e.upfrontBytes()).isEqualTo(1024 * 16 + 1002 * 72);
        assertThat(e.fullBytes()).isEqualTo(e.upfrontBytes());
    }

    @Test
    void aHashWithoutPreallocationGrowsOnInsert() throws Exception {
        MemoryEstimate e = estimate("HASH 4 12 1000 NO_PREALLOC");
        assertThat(e.upfrontBytes()).isEqualTo(1024 * 16);
        assertThat(e.fullBytes()).isEqualTo(1024 * 16 + 1000 * 72);
    }

    @Test
    void perCpuValuesAreCountedOncePerPossibleCpu() throws Exception {
        // elem = 48 + 8 + 8 (per-CPU pointer); values round_up(100, 8) = 104 per CPU
        MemoryEstimate e = estimate("PERCPU_HASH 4 100 10 0");
        assertThat(e.upfrontBytes()).isEqualTo(16 * 16 + 10 * 64 + 10 * 104 * 2);
        MemoryEstimate lru = estimate("LRU_HASH 4 8 10 0");
        assertThat(lru.upfrontBytes()).as("no spare elements for LRU").isEqualTo(16 * 16 + 10 * 64);
    }

    @Test
    void arraysAndRingBuffers() throws Exception {
        assertThat(estimate("ARRAY 4 12 100 0").upfrontBytes()).isEqualTo(312 + 100 * 16);
        assertThat(estimate("ARRAY 4 12 100 MMAPABLE").upfrontBytes()).isEqualTo(4096 + 4096);
        assertThat(estimate("PERCPU_ARRAY 4 12 100 0").upfrontBytes()).isEqualTo(312 + 100 * 8 + 100 * 16 * 2);
        assertThat(estimate("RINGBUF 0 0 65536 0").upfrontBytes()).isEqualTo(65536 + 3 * 4096 + (3 + 32) * 8);
    }

    @Test
    void bloomFilterBitsFollowTheKernelsSizing() {
        assertThat(MemoryModel.bloomBitsetBytes(1, 0)).as("at least 64 bits").isEqualTo(8);
        assertThat(MemoryModel.bloomBitsetBytes(1000, 0)).as("1000 * 5 * 7 / 5 = 7000 -> 8192 bits")
                .isEqualTo(1024);
        assertThat(MemoryModel.bloomBitsetBytes(0xFFFFFFFFL, 0)).as("overflow: 2^32 bits").isEqualTo(1L << 29);
    }

    @Test
    void moreThanTheTargetsRamFailsWithEnomem() throws Exception {
        KernelProfile small = KernelProfile.builder().totalRamBytes(1L << 30).build();
        MapRuleEngine e = new MapRuleEngine(small);
        Prediction p = e.predict(MapCreateAttr.parse("ARRAY 4 1024 2000000 0"));
        assertThat(p.errno()).hasValue(Errno.ENOMEM);
        assertThat(p.ruleId()).hasValue("generic.memory");
        assertThat(p.message()).contains("2048000312 bytes").contains("1 GiB");
        assertThat(e.predict(MapCreateAttr.parse("ARRAY 4 1024 1000000 0")).ok()).isTrue();
    }
}
