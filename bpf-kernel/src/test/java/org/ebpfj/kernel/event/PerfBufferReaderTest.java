package org.ebpfj.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.CpuAffinity;
import org.ebpfj.kernel.Kernel;
import org.ebpfj.kernel.RequireBpf;
import org.ebpfj.kernel.event.EventObject.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The perf buffer reader against the kernel: samples sent by a program run with BPF_PROG_TEST_RUN. */
@ExtendWith({RequireBpf.class, EventObject.PerTest.class})
class PerfBufferReaderTest {

    @Test
    void decodesEverySampleInOrder(BpfObject o) {
        try (PerfBufferReader<Event> reader = PerfBufferReader.open(o, "perf_events", Event.class)) {
            assertThat(reader.cpus()).hasSize(Kernel.onlineCpus().cardinality());
            EventObject.run(o, "perf_emit", 100);
            List<Event> got = new ArrayList<>();
            assertThat(reader.poll(Duration.ofSeconds(2), got::add)).isEqualTo(100);
            assertThat(got).extracting(Event::seq).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 100).boxed().toList());
            assertThat(got).allMatch(e -> e.value() == EventObject.valueOf(e.seq())
                    && e.comm().equals(EventObject.commOf(e.seq())));
            assertThat(reader.lost()).isZero();
            assertThat(o.variable("perf_dropped").getInt()).isZero();
        }
    }

    @Test
    void aSlowConsumerSeesTheLostCountAndRecordsWrappingTheRingEndIntact(BpfObject o) {
        // One page per CPU: 4096 / 48-byte samples wraps the ring end, and 1,000 samples overflow it.
        try (PerfBufferReader<Event> reader = PerfBufferReader.open(o, "perf_events", Event.class, 1)) {
            List<Integer> seqs = new ArrayList<>();
            int produced = 0;
            for (int round = 0; round < 5; round++) {
                EventObject.run(o, "perf_emit", 1000);
                produced += 1000;
                reader.consumeRaw((m, off, len) -> seqs.add(EventObject.checkRaw(m, off, len)));
            }
            // The kernel writes a LOST record into a CPU's ring once it has room again, before that ring's next
            // sample. A thread may stay on one CPU for good, so send one sample from each online CPU in turn
            // (pinned) until every loss is reported.
            BitSet online = Kernel.onlineCpus();
            for (int i = 0; i < 20 && reader.lost() < o.variable("perf_dropped").getInt(); i++) {
                for (int cpu = online.nextSetBit(0); cpu >= 0; cpu = online.nextSetBit(cpu + 1)) {
                    try (CpuAffinity pinned = CpuAffinity.pin(cpu)) {
                        EventObject.run(o, "perf_emit", 1);
                    }
                    produced++;
                    reader.consumeRaw((m, off, len) -> seqs.add(EventObject.checkRaw(m, off, len)));
                }
            }
            assertThat(reader.lost()).isPositive();
            assertThat(seqs.size() + reader.lost()).isEqualTo(produced);
            assertThat(o.variable("perf_dropped").getInt()).isEqualTo((int) reader.lost());
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void closingTakesTheFdsOutOfTheMapSoTheProgramsOutputFails(BpfObject o) {
        PerfBufferReader<Event> reader = PerfBufferReader.open(o, "perf_events", Event.class);
        EventObject.run(o, "perf_emit", 1);
        assertThat(o.variable("perf_dropped").getInt()).isZero();
        reader.close();
        EventObject.run(o, "perf_emit", 1); // bpf_perf_event_output now finds no event at the CPU's index
        assertThat(o.variable("perf_dropped").getInt()).isEqualTo(1);
    }
}
