package org.ebpfj.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.LoadOptions;
import org.ebpfj.kernel.program.TestRunOptions;
import org.ebpfj.kernel.event.PerfBufferReader;
import org.ebpfj.kernel.event.RecordHandler;
import org.ebpfj.kernel.event.RingBufferReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Drain rate of the event readers' raw path, in the shape of bench/eventbench.c: before each invocation a program
 * run by BPF_PROG_TEST_RUN (repeat {@link #EVENTS}) fills the buffer with {@link #EVENTS} 32-byte events; the
 * measured invocation consumes them all, summing one field of each in place, as the C consumer does. The score is
 * nanoseconds per event; with {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per event.
 */
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class EventDrainBenchmark extends BenchmarkDefaults {
    /** Events per fill: both buffers (4 MiB each) hold them with room to spare. */
    public static final int EVENTS = 80_000;
    static final long RING_BYTES = 4L << 20;
    static final int PERF_PAGES = 1024;

    @Param({"ring", "perf"})
    public String buffer;

    private BpfObject object;
    private RingBufferReader<byte[]> ring;
    private PerfBufferReader<byte[]> perf;
    private TestRunOptions fill;
    private String producer;
    private final Summer summer = new Summer();

    /** Sums the {@code value} field (offset 8) of each event in place; no allocation. */
    static final class Summer implements RecordHandler {
        long sum;

        @Override
        public void onRecord(MemorySegment memory, long offset, int length) {
            sum += memory.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + 8);
        }
    }

    @Setup(Level.Trial)
    public void load() throws IOException {
        byte[] bytes;
        try (InputStream in = EventDrainBenchmark.class.getResourceAsStream("/bench-objects/events.bpf.o")) {
            bytes = in.readAllBytes();
        }
        object = BpfObject.load(bytes, BpfObject.readSpec(bytes, "events.bpf.o").withMaxEntries("events", RING_BYTES),
                LoadOptions.defaults());
        if (buffer.equals("ring")) {
            ring = RingBufferReader.open(object, "events", byte[].class);
            producer = "ring_emit";
        } else {
            perf = PerfBufferReader.open(object, "perf_events", byte[].class, PERF_PAGES);
            producer = "perf_emit";
        }
        fill = TestRunOptions.builder().dataIn(new byte[64]).repeat(EVENTS).build();
    }

    @Setup(Level.Invocation)
    public void fill() {
        object.program(producer).testRun(fill);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long drain() {
        int n = ring != null ? ring.consumeRaw(summer) : perf.consumeRaw(summer);
        if (n != EVENTS) {
            throw new IllegalStateException("drained " + n + " events, expected " + EVENTS);
        }
        return summer.sum;
    }

    /** Events the producers could not write (must stay 0: the fill fits the buffers). */
    long dropped() {
        return object.variable("ring_dropped").getInt() + object.variable("perf_dropped").getInt()
                + (perf == null ? 0 : perf.lost());
    }

    @TearDown(Level.Trial)
    public void close() {
        object.close();
    }
}
