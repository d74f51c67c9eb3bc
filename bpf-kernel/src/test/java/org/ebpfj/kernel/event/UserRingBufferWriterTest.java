package org.ebpfj.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.RequireBpf;
import org.ebpfj.kernel.event.EventObject.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The user ring buffer writer: records written here are drained by a program's bpf_user_ringbuf_drain. */
@ExtendWith({RequireBpf.class, EventObject.PerTest.class})
class UserRingBufferWriterTest {

    @Test
    void theProgramDrainsWhatWasWritten(BpfObject o) {
        try (UserRingBufferWriter<Event> writer = UserRingBufferWriter.open(o, "requests", Event.class)) {
            long sum = 0;
            for (int i = 1; i <= 10; i++) {
                assertThat(writer.offer(new Event(1, i, i * 100L, "req"))).isTrue();
                sum += i * 100L;
            }
            EventObject.run(o, "user_drain", 1);
            assertThat(o.variable("drain_result").getLong()).isEqualTo(10);
            assertThat(o.variable("drained_count").getInt()).isEqualTo(10);
            assertThat(o.variable("drained_sum").getLong()).isEqualTo(sum);
            assertThat(writer.free()).isEqualTo(writer.capacity());
        }
    }

    @Test
    void aFullBufferRefusesUntilTheProgramDrains(BpfObject o) {
        try (UserRingBufferWriter<Event> writer = UserRingBufferWriter.open(o, "requests", Event.class)) {
            int written = 0;
            while (writer.offer(new Event(1, written, 1, "x"))) {
                written++;
            }
            assertThat(written).isEqualTo((int) (writer.capacity() / 40));
            EventObject.run(o, "user_drain", 1);
            assertThat(o.variable("drained_count").getInt()).isEqualTo(written);
            assertThat(writer.offer(new Event(1, 0, 1, "again"))).isTrue();
        }
    }
}
