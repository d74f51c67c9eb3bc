package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.ebpfj.harness.assertions.BpfAssertions;
import org.ebpfj.harness.generated.events.Events;
import org.ebpfj.harness.generated.events.Note;
import org.ebpfj.harness.generated.events.PerfSample;
import org.ebpfj.harness.generated.events.RingEvent;
import org.ebpfj.harness.generated.events.Step;
import org.ebpfj.kernel.event.PerfBufferReader;
import org.ebpfj.kernel.event.RingBufferReader;
import org.ebpfj.kernel.program.TestRunOptions;
import org.junit.jupiter.api.Test;

/**
 * The skeleton of {@code events.bpf.o} (bpf-object's test objects), whose three event types are local variables
 * only, so only DWARF has them: its readers decode what one XDP test-run of {@code send_events} sends, as the
 * records generated from DWARF.
 */
@BpfTest(skeleton = Events.class)
class GeneratedEventsTest {
    private static final Duration WITHIN = Duration.ofSeconds(2);

    Events bpf;

    @Test
    void theSkeletonsTypedReadersDecodeTheEventsTheProgramSends() {
        RingBufferReader<RingEvent> ring = bpf.ring();
        PerfBufferReader<PerfSample> samples = bpf.samples();
        RingBufferReader<Note> notes = bpf.notes();

        assertThat(bpf.sendEvents().testRun(TestRunOptions.zeroPacket(64)).returnValue()).isEqualTo(2);

        List<RingEvent> fromRing = BpfAssertions.assertThat(ring).receives(1, WITHIN).events();
        assertThat(fromRing).containsExactly(new RingEvent(7, Step.STEP_STOP.value(), 1, 5, "xdp",
                0x1122334455667788L));
        assertThat(ring.eventType()).contains("RingEvent");
        List<PerfSample> fromPerf = BpfAssertions.assertThat(samples).receives(1, WITHIN).hasNoLostEvents()
                .events();
        assertThat(fromPerf).containsExactly(new PerfSample((short) 3, -9, 1L << 40));
        assertThat(BpfAssertions.assertThat(notes).receives(1, WITHIN).events())
                .containsExactly(new Note(42, "hi"));
    }

    @Test
    void theReaderIsOpenedOnceAndClosesWithTheObject() {
        assertThat(bpf.ring()).isSameAs(bpf.ring());
        assertThat(bpf.ring().isClosed()).isFalse();
    }
}
