package org.ebpfj.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.RequireBpf;
import org.ebpfj.kernel.event.EventObject.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ring buffer reader against the kernel: events written by a program run with BPF_PROG_TEST_RUN. */
@ExtendWith({RequireBpf.class, EventObject.PerTest.class})
class RingBufferReaderTest {

    @Test
    void decodesEveryEventInOrderAsTheRecordLaidOutFromBtf(BpfObject o) {
        try (RingBufferReader<Event> reader = RingBufferReader.open(o, "events", Event.class)) {
            EventObject.run(o, "ring_emit", 100);
            List<Event> got = new ArrayList<>();
            assertThat(reader.poll(Duration.ofSeconds(2), got::add)).isEqualTo(100);
            assertThat(got).extracting(Event::seq).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 100).boxed().toList());
            for (Event e : got) {
                assertThat(e.pid()).isEqualTo(4242);
                assertThat(e.value()).isEqualTo(EventObject.valueOf(e.seq()));
                assertThat(e.comm()).isEqualTo(EventObject.commOf(e.seq()));
            }
            assertThat(reader.pending()).isZero();
            assertThat(reader.eventType()).contains("Event").contains("struct event");
        }
    }

    @Test
    void discardedRecordsAreSkipped(BpfObject o) {
        try (RingBufferReader<Event> reader = RingBufferReader.open(o, "events", Event.class)) {
            o.variable("discard_odd").setInt(1);
            EventObject.run(o, "ring_emit", 50);
            List<Integer> seqs = new ArrayList<>();
            reader.consumeRaw((m, off, len) -> seqs.add(EventObject.checkRaw(m, off, len)));
            assertThat(seqs).hasSize(25).allMatch(s -> s % 2 == 0);
            assertThat(reader.pending()).isZero();
        }
    }

    @Test
    void aSlowConsumerSeesTheProgramsDropCountAndNoTornRecord(BpfObject o) {
        try (RingBufferReader<Event> reader = RingBufferReader.open(o, "events", Event.class)) {
            // 16 KiB hold 409 records of 40 bytes (32 + header); 3 rounds of 1,000 overflow it each time.
            List<Integer> seqs = new ArrayList<>();
            int produced = 0;
            for (int round = 0; round < 3; round++) {
                EventObject.run(o, "ring_emit", 1000);
                produced += 1000;
                reader.consumeRaw((m, off, len) -> seqs.add(EventObject.checkRaw(m, off, len)), 100);
                reader.consumeRaw((m, off, len) -> seqs.add(EventObject.checkRaw(m, off, len)));
            }
            int dropped = o.variable("ring_dropped").getInt();
            assertThat(dropped).isPositive();
            assertThat(seqs.size() + dropped).isEqualTo(produced);
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void pollWaitsForTheKernelAndTimesOutEmpty(BpfObject o) throws Exception {
        try (RingBufferReader<Event> reader = RingBufferReader.open(o, "events", Event.class)) {
            long t0 = System.nanoTime();
            assertThat(reader.poll(Duration.ofMillis(100), e -> { })).isZero();
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(90_000_000L);

            List<Event> got = new ArrayList<>();
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(
                    () -> reader.poll(Duration.ofSeconds(5), got::add));
            Thread.sleep(100);
            EventObject.run(o, "ring_emit", 3);
            assertThat(waiting.get(5, TimeUnit.SECONDS)).isBetween(1, 3);
        }
    }

    @Test
    void closeFromAnotherThreadWakesAWaitingPoll(BpfObject o) throws Exception {
        RingBufferReader<Event> reader = RingBufferReader.open(o, "events", Event.class);
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(
                () -> reader.poll(Duration.ofSeconds(30), e -> { }));
        Thread.sleep(200);
        long t0 = System.nanoTime();
        reader.close();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
        assertThatThrownBy(() -> reader.consume(e -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void closesWithItsObject() {
        RingBufferReader<Event> reader;
        try (BpfObject o = EventObject.load()) {
            reader = RingBufferReader.open(o, "events", Event.class);
        }
        assertThat(reader.isClosed()).isTrue();
    }

    @Test
    void wrongMapTypeAndUnknownStructSayWhatToUse(BpfObject o) {
        assertThatThrownBy(() -> RingBufferReader.open(o, "perf_events", Event.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PerfBufferReader");
        record Missing(int a) {
        }
        assertThatThrownBy(() -> RingBufferReader.open(o, "events", Missing.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("struct missing");
    }
}
