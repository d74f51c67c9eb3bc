package org.ebpfj.harness;

import static org.ebpfj.harness.assertions.BpfAssertions.assertThat;

import java.util.BitSet;

import org.assertj.core.api.Assertions;
import org.ebpfj.kernel.CpuAffinity;
import org.ebpfj.kernel.GlobalVariable;
import org.ebpfj.kernel.codec.BpfField;
import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.PerCpuMap;
import org.ebpfj.kernel.map.QueueMap;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.kernel.program.TestRunOptions;
import org.junit.jupiter.api.Test;

/**
 * The other map kinds a test injects: a per-CPU array, a queue and a hash with struct values (a record laid out from
 * the object's BTF). One XDP run of {@code count_packet} writes to all three.
 */
@BpfTest(object = "bpf/kinds.bpf.o")
class MapKindsTest {
    private static final TestRunOptions FIVE_PACKETS = TestRunOptions.builder().dataIn(new byte[64]).repeat(5).build();

    /** {@code struct flow_stats}: the record's components are matched to the struct's members by name. */
    record FlowStats(long packets, long bytes, @BpfField("last_cpu") int lastCpu, byte protocol) {
    }

    @MapRef("packets_per_cpu")
    PerCpuMap<Integer, Long> packetsPerCpu;

    @MapRef("packet_sizes")
    QueueMap<Integer> packetSizes;

    @MapRef("flows")
    BpfMap<Integer, FlowStats> flows;

    @ProgramRef("count_packet")
    BpfProgram countPacket;

    @Test
    @PinnedToCpu
    void perCpuCounterCountsOnTheCpuTheProgramRanOn() {
        int cpu = pinnedCpu();

        assertThat(countPacket.testRun(FIVE_PACKETS)).returns(2); // XDP_PASS

        assertThat(packetsPerCpu).hasSum(0, 5).hasValueOnCpu(0, cpu, 5L).hasSize(4);
    }

    @Test
    void queueHoldsOneSizePerPacketInOrder() {
        assertThat(packetSizes).isEmpty();

        countPacket.testRun(FIVE_PACKETS);

        assertThat(packetSizes).isNotEmpty().hasNext(64);
        Assertions.assertThat(packetSizes.drain()).containsExactly(64, 64, 64, 64, 64);
        assertThat(packetSizes).isEmpty();
    }

    @Test
    @PinnedToCpu
    void structValuesDecodeIntoRecords(@GlobalRef("flow_id") GlobalVariable flowId) {
        flowId.setInt(7);

        countPacket.testRun(FIVE_PACKETS);

        assertThat(flows).hasSize(1).containsEntry(7, new FlowStats(5, 5 * 64, pinnedCpu(), (byte) 17))
                .allValuesSatisfy(s -> Assertions.assertThat(s.protocol()).isEqualTo((byte) 17));
    }

    @Test
    void userSpaceWritesAreWhatProgramsRead() {
        flows.put(1, new FlowStats(100, 6400, 0, (byte) 6));

        countPacket.testRun(TestRunOptions.zeroPacket(64));

        assertThat(flows).containsKey(1);
        Assertions.assertThat(flows.lookup(1)).hasValueSatisfying(s -> {
            Assertions.assertThat(s.packets()).isEqualTo(101);
            Assertions.assertThat(s.bytes()).isEqualTo(6464);
            Assertions.assertThat(s.protocol()).as("kept from user space").isEqualTo((byte) 6);
        });
    }

    private static int pinnedCpu() {
        BitSet allowed = CpuAffinity.current();
        Assertions.assertThat(allowed.cardinality()).as("the test thread is pinned to one CPU").isEqualTo(1);
        return allowed.nextSetBit(0);
    }
}
