package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ebpfj.kernel.codec.RecordLayoutException;
import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.program.TestRunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Struct keys and values through records laid out from the loaded object's BTF. */
@ExtendWith(RequireBpf.class)
class RecordMapTest {
    record FlowKey(int saddr, int daddr, short sport, short dport, byte protocol) {
    }

    record Event(int pid, byte flag, int uid, short delta, long timestamp, String comm, int tail) {
    }

    record FlowStats(FlowKey key, long packets, long[] bytes) {
    }

    record BadEvent(int pid, long flag, int uid, short delta, long timestamp, String comm, int tail) {
    }

    @Test
    void readsWhatTheProgramWrote() {
        try (BpfObject o = TestObjects.load(TestObjects.TYPES)) {
            o.program("touch_maps").testRun(TestRunOptions.zeroPacket(64));
            BpfMap<FlowKey, Event> events = o.map("events", FlowKey.class, Event.class);
            FlowKey key = new FlowKey(0x0100007f, 0x0200007f, (short) 1234, (short) 80, (byte) 6);
            Event e = events.lookup(key).orElseThrow();
            assertThat(e.pid()).as("BPF_PROG_TEST_RUN runs in this process").isEqualTo(ProcessHandle.current().pid());
            assertThat(e).isEqualTo(new Event(e.pid(), (byte) 1, 1000, (short) -5, 123456789L, "xdp", 0xfeed));

            events.put(new FlowKey(1, 2, (short) 3, (short) 4, (byte) 17),
                    new Event(7, (byte) 0, 0, (short) 1, 2L, "java", 3));
            assertThat(events.toMap()).hasSize(2);
            assertThat(events.lookup(new FlowKey(1, 2, (short) 3, (short) 4, (byte) 17)).orElseThrow().comm())
                    .isEqualTo("java");

            FlowStats stats = o.variable("last_flow").get(FlowStats.class);
            assertThat(stats.key()).isEqualTo(key);
            assertThat(stats.packets()).isEqualTo(1);
            assertThat(stats.bytes()).containsExactly(0, 64);
        }
    }

    @Test
    void aRecordThatDoesNotMatchFailsWhenTheHandleIsMade() {
        try (BpfObject o = TestObjects.load(TestObjects.TYPES)) {
            assertThatThrownBy(() -> o.map("events", FlowKey.class, BadEvent.class))
                    .isInstanceOf(RecordLayoutException.class)
                    .hasMessageContaining("member 'flag' is __u8 (1 byte) at offset 4");
        }
    }
}
