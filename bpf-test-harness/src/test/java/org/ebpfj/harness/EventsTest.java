package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.ebpfj.harness.assertions.BpfAssertions;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.kernel.GlobalVariable;
import org.ebpfj.kernel.program.TestRunOptions;
import org.ebpfj.kernel.event.PerfBufferReader;
import org.ebpfj.kernel.event.RingBufferReader;
import org.ebpfj.kernel.event.UserRingBufferWriter;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Event readers injected like maps, and the assertions that wait for events with a deadline. */
class EventsTest {
    private static final String EVENTS = "bpf/events.bpf.o";

    /** {@code struct event} of events.bpf.c. */
    record Event(int pid, int seq, long value, String comm) {
    }

    static void run(BpfProgram program, int times) {
        program.testRun(TestRunOptions.builder().dataIn(new byte[64]).repeat(times).build());
    }

    @TestKit.Fixture
    @BpfTest(object = EVENTS)
    static class Injected {
        @MapRef("events") RingBufferReader<Event> ring;
        @MapRef("perf_events") @PerfBuffer(pagesPerCpu = 2) PerfBufferReader<Event> perf;
        @MapRef("requests") UserRingBufferWriter<Event> requests;
        @ProgramRef("ring_emit") BpfProgram ringEmit;

        @Test
        void ringEventsArriveAndMatch(@GlobalRef("ring_dropped") GlobalVariable ringDropped) {
            run(ringEmit, 3);
            BpfAssertions.assertThat(ring).receives(3, Duration.ofSeconds(2))
                    .hasEventWith(Event::seq, 2)
                    .allMatch(e -> e.pid() == 4242, "from pid 4242")
                    .hasNoLostEvents(ringDropped);
            assertThat(ring.eventType()).contains("struct event");
        }

        @Test
        void perfEventsArriveWithNothingLost(@ProgramRef("perf_emit") BpfProgram perfEmit) {
            run(perfEmit, 5);
            BpfAssertions.assertThat(perf).receives(5, Duration.ofSeconds(2)).hasNoLostEvents();
            assertThat(perf.cpus()).isNotEmpty();
        }

        @Test
        void eachTestHasItsOwnReaders(@MapRef("events") RingBufferReader<byte[]> raw) {
            run(ringEmit, 1);
            assertThat(BpfAssertions.assertThat(raw).receives(1, Duration.ofSeconds(2)).events().get(0)).hasSize(32);
        }

        @Test
        void userRingBufferWritesReachTheProgram(@ProgramRef("user_drain") BpfProgram drain,
                                                 @GlobalRef("drained_count") GlobalVariable drainedCount) {
            assertThat(requests.offer(new Event(1, 2, 3, "x"))).isTrue();
            run(drain, 1);
            assertThat(drainedCount.getInt()).isEqualTo(1);
        }
    }

    @Test
    void injectedReadersWorkAndCloseAfterEachTest() {
        EngineExecutionResults results = TestKit.run(Injected.class);
        TestKit.assertAllSucceeded(results, 4);
        assertThat(TestKit.bpfFds()).noneMatch(fd -> fd.contains("perf_event") || fd.contains("[eventpoll]"));
    }

    @TestKit.Fixture
    @BpfTest(object = EVENTS)
    static class Failing {
        @MapRef("events") RingBufferReader<Event> ring;
        @ProgramRef("ring_emit") BpfProgram ringEmit;

        @Test
        void waitsForMoreThanArrive() {
            run(ringEmit, 2);
            BpfAssertions.assertThat(ring).receives(5, Duration.ofMillis(300));
        }

        @Test
        void ringBufferHasNoLostCount() {
            BpfAssertions.assertThat(ring).hasNoLostEvents();
        }

        @Test
        void byField() {
            run(ringEmit, 2);
            BpfAssertions.assertThat(ring).hasEventWith(Event::seq, 99);
        }

        @Test
        void exactly() {
            run(ringEmit, 1);
            BpfAssertions.assertThat(ring).containsExactly(new Event(4242, 0, 7, "x"));
        }
    }

    @Test
    void failuresSayWhatArrivedAndWhatWasExpected() {
        EngineExecutionResults results = TestKit.run(Failing.class);
        assertThat(TestKit.failureOf(results, "waitsForMoreThanArrive"))
                .contains("expected at least 5 events from map 'events' within 300 ms, but 2 arrived")
                .contains("Event[pid=4242, seq=1");
        assertThat(TestKit.failureOf(results, "ringBufferHasNoLostCount"))
                .contains("keeps no lost count").contains("hasNoLostEvents(counter)");
        assertThat(TestKit.failureOf(results, "byField")).contains("no event from map 'events' has the value 99")
                .contains("[0, 1]");
        assertThat(TestKit.failureOf(results, "exactly")).contains("expected exactly [Event[pid=4242, seq=0");
    }

    @TestKit.Fixture
    @BpfTest(object = EVENTS)
    static class WrongDeclaration {
        @MapRef("events") PerfBufferReader<Event> notAPerfBuffer;

        @Test
        void neverRuns() {
        }
    }

    @Test
    void aReaderOfTheWrongKindNamesTheRightOne() {
        EngineExecutionResults results = TestKit.run(WrongDeclaration.class);
        assertThat(TestKit.failureOf(results, "neverRuns")).contains("notAPerfBuffer")
                .contains("is RINGBUF, not PERF_EVENT_ARRAY; use RingBufferReader");
    }
}
