package org.ebpfj.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.LoadOptions;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.kernel.program.TestRunOptions;
import org.ebpfj.kernel.event.PerfBufferReader;
import org.ebpfj.kernel.event.PolledReader;
import org.ebpfj.kernel.event.RecordHandler;
import org.ebpfj.kernel.event.RingBufferReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Drain rate of the event readers' raw path, in the shape of bench/eventbench.c: before each invocation a program
 * run by BPF_PROG_TEST_RUN (repeat {@link #EVENTS}) fills the buffer with {@link #EVENTS} 32-byte events, outside
 * the timed part; the measured invocation consumes them all, summing one field of each in place, as the C consumer
 * does. Each iteration is one such drain (single shot), timed alone as the C side times each of its drains, so the
 * median over the iterations is the statistic the C side reports, and a fill never shares a timed interval. The
 * score is nanoseconds per event; with {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per
 * event.
 */
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 40)
@Measurement(iterations = 100)
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

    /** The events object with its ring buffer resized to {@link #RING_BYTES}, as the C side sizes it. */
    static BpfObject loadEvents() throws IOException {
        byte[] bytes;
        try (InputStream in = EventDrainBenchmark.class.getResourceAsStream("/bench-objects/events.bpf.o")) {
            bytes = in.readAllBytes();
        }
        return BpfObject.load(bytes, BpfObject.readSpec(bytes, "events.bpf.o").withMaxEntries("events", RING_BYTES),
                LoadOptions.defaults());
    }

    /** The program that fills {@code buffer} ("ring" or "perf"). */
    static String producer(String buffer) {
        return buffer.equals("ring") ? "ring_emit" : "perf_emit";
    }

    /** One fill: {@link #EVENTS} runs of the producer. */
    static TestRunOptions fill() {
        return TestRunOptions.builder().dataIn(new byte[64]).repeat(EVENTS).build();
    }

    /**
     * Warms the JIT up as a reader's normal use does: a drain of a whole fill is one call, and a few hundred such
     * calls never reach HotSpot's invocation threshold for a full compile (the loop would run as on-stack
     * replacement code only), so the warm-up drains {@code fills} fills in slices of 64 events.
     */
    static void warmUp(BpfProgram producer, TestRunOptions fill, PolledReader<?> reader, RecordHandler handler,
                       int fills) {
        for (int i = 0; i < fills; i++) {
            producer.testRun(fill);
            int n = 0;
            for (int got; (got = reader.consumeRaw(handler, 64)) > 0; ) {
                n += got;
            }
            if (n != EVENTS) {
                throw new IllegalStateException("drained " + n + " events, expected " + EVENTS);
            }
        }
    }

    @Setup(Level.Trial)
    public void load() throws IOException {
        object = loadEvents();
        producer = producer(buffer);
        fill = fill();
        if (buffer.equals("ring")) {
            ring = RingBufferReader.open(object, "events", byte[].class);
        } else {
            perf = PerfBufferReader.open(object, "perf_events", byte[].class, PERF_PAGES);
        }
        warmUp(object.program(producer), fill, ring != null ? ring : perf, summer, 3);
    }

    @Setup(Level.Invocation)
    public void refill() {
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
