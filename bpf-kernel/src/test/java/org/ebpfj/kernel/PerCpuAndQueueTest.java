package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;

import org.ebpfj.kernel.error.MapFullException;
import org.ebpfj.kernel.map.PerCpuMap;
import org.ebpfj.kernel.map.QueueMap;
import org.ebpfj.kernel.map.UpdateFlag;
import org.ebpfj.kernel.program.TestRunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RequireBpf.class)
@SuppressWarnings("try")
class PerCpuAndQueueTest {
    record Triple(int a, int b, int c) {
    }

    @Test
    void perCpuValuesHaveOneSlotPerPossibleCpu() {
        try (BpfObject o = TestObjects.load(TestObjects.TYPES)) {
            PerCpuMap<Integer, Long> counts = o.rawMap("percpu_counts").perCpu(Integer.class, Long.class);
            int cpus = Kernel.possibleCpus();
            assertThat(counts.cpus()).isEqualTo(cpus);
            assertThat(counts.raw().valueBufferSize()).isEqualTo(8L * cpus);
            // the program adds 1 on the CPU it runs on
            int first = TestObjects.allowedCpu(0);
            try (CpuAffinity pinned = CpuAffinity.pin(first)) {
                o.program("touch_maps").testRun(TestRunOptions.zeroPacket(64));
                o.program("touch_maps").testRun(TestRunOptions.zeroPacket(64));
            }
            List<Long> expected = new java.util.ArrayList<>(Collections.nCopies(cpus, 0L));
            expected.set(first, 2L);
            assertThat(counts.lookup(7)).hasValue(expected);
            if (CpuAffinity.current().cardinality() > 1) {
                int second = TestObjects.allowedCpu(1);
                try (CpuAffinity pinned = CpuAffinity.pin(second)) {
                    o.program("touch_maps").testRun(TestRunOptions.zeroPacket(64));
                }
                expected.set(second, 1L);
                assertThat(counts.lookup(7)).hasValue(expected);
            }
            List<Long> written = new java.util.ArrayList<>();
            for (int cpu = 0; cpu < cpus; cpu++) {
                written.add(100L + cpu);
            }
            counts.put(9, written, UpdateFlag.NOEXIST);
            assertThat(counts.lookup(9)).hasValue(written);
            assertThat(counts.toMap()).containsEntry(9, written).containsEntry(7, expected);
            assertThatThrownBy(() -> counts.put(9, List.of(1L), UpdateFlag.ANY))
                    .hasMessageContaining("one per possible CPU");
            assertThat(counts.remove(9)).isTrue();
            assertThat(counts.count()).isEqualTo(1);
        }
    }

    @Test
    void perCpuSlotsAreRoundedUpToEightBytes() {
        try (BpfObject o = TestObjects.load(TestObjects.TYPES)) {
            PerCpuMap<Integer, Triple> triples = o.rawMap("percpu_triples").perCpu(Integer.class, Triple.class);
            int cpus = Kernel.possibleCpus();
            assertThat(triples.raw().valueSize()).isEqualTo(12);
            assertThat(triples.raw().valueBufferSize()).isEqualTo(16L * cpus);
            List<Triple> values = new java.util.ArrayList<>();
            for (int cpu = 0; cpu < cpus; cpu++) {
                values.add(new Triple(cpu, cpu * 10, cpu * 100));
            }
            triples.put(2, values, UpdateFlag.ANY);
            assertThat(triples.lookup(2)).hasValue(values);
            // the raw bytes show where each CPU's value starts
            byte[] raw = triples.raw().lookup(new byte[] {2, 0, 0, 0}).orElseThrow();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.nativeOrder());
            for (int cpu = 0; cpu < cpus; cpu++) {
                assertThat(b.getInt(cpu * 16)).isEqualTo(cpu);
                assertThat(b.getInt(cpu * 16 + 8)).isEqualTo(cpu * 100);
            }
            assertThat(triples.count()).as("PERCPU_ARRAY elements always exist").isEqualTo(4);
        }
    }

    @Test
    void queueIsFirstInFirstOut() {
        try (BpfObject o = TestObjects.load(TestObjects.TYPES)) {
            QueueMap<Integer> q = o.rawMap("queue_map").queue(Integer.class);
            assertThat(q.isStack()).isFalse();
            assertThat(q.pop()).isEmpty();
            for (int i = 1; i <= 8; i++) {
                q.push(i);
            }
            assertThatThrownBy(() -> q.push(9)).isInstanceOfSatisfying(MapFullException.class,
                    e -> assertThat(e.errno()).isEqualTo(7)).hasMessageContaining("(8/8 entries)");
            q.push(9, true); // drops the oldest (1)
            assertThat(q.peek()).hasValue(2);
            assertThat(q.pop()).hasValue(2);
            assertThat(q.drain()).containsExactly(3, 4, 5, 6, 7, 8, 9);
            assertThat(q.pop()).isEmpty();
            o.program("touch_maps").testRun(TestRunOptions.zeroPacket(64));
            assertThat(q.pop()).as("pushed by the program").hasValue(42);
        }
    }

    @Test
    void stackIsLastInFirstOut() {
        try (BpfObject o = TestObjects.load(TestObjects.TYPES)) {
            QueueMap<Integer> s = o.rawMap("stack_map").queue(Integer.class);
            assertThat(s.isStack()).isTrue();
            s.push(1);
            s.push(2);
            s.push(3);
            assertThat(s.peek()).hasValue(3);
            assertThat(s.drain()).containsExactly(3, 2, 1);
            s.push(5);
            s.raw().clear();
            assertThat(s.pop()).isEmpty();
            assertThatThrownBy(() -> s.raw().count()).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
