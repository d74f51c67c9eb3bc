package org.ebpfj.bench;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.event.PolledReader;
import org.ebpfj.kernel.event.PerfBufferReader;
import org.ebpfj.kernel.event.RingBufferReader;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.kernel.program.TestRunOptions;

/**
 * The drain rate of bench/events.sh: the Java raw path and libbpf's own consumers ({@code ring_buffer__consume},
 * {@code perf_buffer__consume}, from {@code bench/eventbench.c} built as a shared library and called through FFM)
 * take turns in this one process, fill by fill, so that both see the same machine at the same moment: on this
 * shared two-CPU VM, runs minutes apart differ by more than the gap being measured. Each side has its own copy of
 * the events object (a perf event array takes one reader), both filled alike by {@link EventDrainBenchmark#EVENTS}
 * runs of the producer with BPF_PROG_TEST_RUN (untimed); each drain is timed alone, the Java one here around
 * {@code consumeRaw}, the C one in C around the consume call. The sides alternate which goes first.
 *
 * <pre>java -cp benchmarks.jar org.ebpfj.bench.EventDrainComparison libeventbench.so ROUNDS [ring|perf]</pre>
 *
 * Prints, per buffer, the median nanoseconds per event over ROUNDS measured drains (after the JIT warm-up of
 * {@link EventDrainBenchmark#warmUp} and ROUNDS / 2 + 10 warm-up drains each): {@code ring C_NS JAVA_NS} and
 * {@code perf C_NS JAVA_NS}.
 */
public final class EventDrainComparison {
    private final MethodHandle ringNew;
    private final MethodHandle perfNew;
    private final MethodHandle drainNs;
    private final MethodHandle free;

    private EventDrainComparison(Path library, Arena arena) {
        Linker linker = Linker.nativeLinker();
        SymbolLookup lib = SymbolLookup.libraryLookup(library, arena);
        ringNew = linker.downcallHandle(symbol(lib, "eventbench_ring_new"),
                FunctionDescriptor.of(ADDRESS, JAVA_INT));
        perfNew = linker.downcallHandle(symbol(lib, "eventbench_perf_new"),
                FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_INT));
        drainNs = linker.downcallHandle(symbol(lib, "eventbench_drain_ns"),
                FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));
        free = linker.downcallHandle(symbol(lib, "eventbench_free"), FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
    }

    private static MemorySegment symbol(SymbolLookup lib, String name) {
        return lib.find(name).orElseThrow(() -> new IllegalArgumentException("the library has no " + name));
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: EventDrainComparison libeventbench.so ROUNDS [ring|perf]");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[1]);
        try (Arena arena = Arena.ofConfined()) {
            EventDrainComparison c = new EventDrainComparison(Path.of(args[0]).toAbsolutePath(), arena);
            for (String buffer : args.length == 3 ? new String[] {args[2]} : new String[] {"ring", "perf"}) {
                double[] ns = c.compare(buffer, rounds / 2 + 10, rounds);
                System.out.printf(Locale.ROOT, "%s %.3f %.3f%n", buffer, ns[0], ns[1]);
            }
        }
    }

    /** Median ns per event of the C and the Java drains of {@code buffer}, after {@code warmup} of each. */
    private double[] compare(String buffer, int warmup, int rounds) throws Throwable {
        boolean ring = buffer.equals("ring");
        try (BpfObject javaSide = EventDrainBenchmark.loadEvents();
             BpfObject cSide = EventDrainBenchmark.loadEvents()) {
            PolledReader<byte[]> reader = ring ? RingBufferReader.open(javaSide, "events", byte[].class)
                    : PerfBufferReader.open(javaSide, "perf_events", byte[].class, EventDrainBenchmark.PERF_PAGES);
            MemorySegment rb = ring ? (MemorySegment) ringNew.invokeExact(cSide.rawMap("events").fd())
                    : MemorySegment.NULL;
            MemorySegment pb = ring ? MemorySegment.NULL : (MemorySegment) perfNew.invokeExact(
                    cSide.rawMap("perf_events").fd(), EventDrainBenchmark.PERF_PAGES);
            if (rb.equals(MemorySegment.NULL) && pb.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("libbpf could not open its " + buffer + " consumer");
            }
            try {
                BpfProgram javaFill = javaSide.program(EventDrainBenchmark.producer(buffer));
                BpfProgram cFill = cSide.program(EventDrainBenchmark.producer(buffer));
                TestRunOptions fill = EventDrainBenchmark.fill();
                EventDrainBenchmark.Summer summer = new EventDrainBenchmark.Summer();
                EventDrainBenchmark.warmUp(javaFill, fill, reader, summer, 5);
                double[] c = new double[rounds];
                double[] java = new double[rounds];
                for (int r = -warmup; r < rounds; r++) {
                    boolean javaFirst = (r & 1) == 0;
                    long j1 = javaFirst ? javaDrain(javaFill, fill, reader, summer) : 0;
                    cFill.testRun(fill);
                    long cNs = (long) drainNs.invokeExact(rb, pb, (long) EventDrainBenchmark.EVENTS);
                    if (cNs < 0) {
                        throw new IllegalStateException("libbpf did not drain exactly " + EventDrainBenchmark.EVENTS
                                + " " + buffer + " events");
                    }
                    long jNs = javaFirst ? j1 : javaDrain(javaFill, fill, reader, summer);
                    if (r >= 0) {
                        c[r] = (double) cNs / EventDrainBenchmark.EVENTS;
                        java[r] = (double) jNs / EventDrainBenchmark.EVENTS;
                    }
                }
                return new double[] {median(c), median(java)};
            } finally {
                free.invokeExact(rb, pb);
            }
        }
    }

    private static long javaDrain(BpfProgram producer, TestRunOptions fill, PolledReader<byte[]> reader,
                                  EventDrainBenchmark.Summer summer) {
        producer.testRun(fill);
        long t0 = System.nanoTime();
        int n = reader.consumeRaw(summer);
        long t1 = System.nanoTime();
        if (n != EventDrainBenchmark.EVENTS) {
            throw new IllegalStateException("drained " + n + " events, expected " + EventDrainBenchmark.EVENTS);
        }
        return t1 - t0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
