package org.ebpfj.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.RequireBpf;
import org.ebpfj.kernel.event.EventObject.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Opening and closing readers many times leaves no fd, mapping or thread behind. */
@ExtendWith(RequireBpf.class)
class ReaderLeakTest {
    private static final int CYCLES = 1_000;

    @Test
    void aThousandOpenCloseCyclesOfEachReaderLeaveNothingBehind() throws Exception {
        try (BpfObject o = EventObject.load()) {
            cycle(o, 1); // warm up
            long fds = fdCount();
            long maps = mappingCount();
            int threads = Thread.activeCount();
            cycle(o, CYCLES);
            assertThat(fdCount()).isEqualTo(fds);
            assertThat(mappingCount()).isEqualTo(maps);
            assertThat(Thread.activeCount()).isLessThanOrEqualTo(threads);
        }
    }

    private static void cycle(BpfObject o, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            try (RingBufferReader<Event> ring = RingBufferReader.open(o, "events", Event.class);
                 PerfBufferReader<Event> perf = PerfBufferReader.open(o, "perf_events", Event.class);
                 UserRingBufferWriter<Event> user = UserRingBufferWriter.open(o, "requests", Event.class)) {
                if (i % 100 == 0) {
                    EventObject.run(o, "ring_emit", 1);
                    EventObject.run(o, "perf_emit", 1);
                    assertThat(ring.consume(e -> { }) + perf.consume(e -> { })).isEqualTo(2);
                    assertThat(user.offer(new Event(1, 2, 3, "x"))).isTrue();
                    assertThat(mappingCount()).as("the count sees the readers' own mappings").isGreaterThanOrEqualTo(5);
                }
            }
        }
    }

    private static long fdCount() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    private static long mappingCount() throws IOException {
        try (Stream<String> s = Files.lines(Path.of("/proc/self/maps"))) {
            return s.filter(l -> l.contains("anon_inode:bpf") || l.contains("perf_event")).count();
        }
    }
}
