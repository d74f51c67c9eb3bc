package org.ebpfj.kernel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.ebpfj.kernel.IntIntMap;
import org.ebpfj.kernel.IterationMode;
import org.ebpfj.kernel.RawMap;
import org.ebpfj.kernel.UpdateFlag;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapType;

/**
 * A hand-run sanity check of single-element and iteration costs in the shapes of the C baseline
 * (/work/shared/perf/BASELINE.md "single" and "iter" rows): wall and thread-CPU nanoseconds per operation, so a
 * loaded machine can still be compared with a C run made at the same time. Not a benchmark (JMH is), and not a
 * test. Run with the test classpath and {@code --enable-native-access=ALL-UNNAMED}; argument: repetitions.
 */
public final class MapOpsSanity {
    private static final int OPS = 1_000_000;
    private static final int WORKING_SET = 100_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MapOpsSanity() {
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (IntIntMap hash = create(MapType.HASH, 1_000_000); IntIntMap array = create(MapType.ARRAY, 1_000_000)) {
            for (int k = 0; k < WORKING_SET; k++) {
                hash.put(k, k);
                array.put(k, k);
            }
            for (int r = 0; r <= reps; r++) {
                long w0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < OPS; i++) {
                    hash.put(i % WORKING_SET, i, UpdateFlag.ANY);
                }
                long w1 = System.nanoTime();
                long c1 = THREADS.getCurrentThreadCpuTime();
                long sum = 0;
                for (int i = 0; i < OPS; i++) {
                    sum += hash.getOrDefault(i % WORKING_SET, -1);
                }
                long w2 = System.nanoTime();
                long c2 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < OPS; i++) {
                    sum += array.getOrDefault(i % WORKING_SET, -1);
                }
                long w3 = System.nanoTime();
                long c3 = THREADS.getCurrentThreadCpuTime();
                if (r > 0) {
                    System.out.printf("J  HASH update %d (cpu %d)  HASH lookup %d (cpu %d)  ARRAY lookup %d (cpu %d)"
                            + " ns/op %d%n", (w1 - w0) / OPS, (c1 - c0) / OPS, (w2 - w1) / OPS, (c2 - c1) / OPS,
                            (w3 - w2) / OPS, (c3 - c2) / OPS, sum);
                }
            }
        }
        iterate(reps);
    }

    private static IntIntMap create(MapType type, int max) {
        return RawMap.create(MapSpec.builder("sanity", type).keySize(4).valueSize(4).maxEntries(max).build())
                .intInt();
    }

    private static void iterate(int reps) {
        int n = 1_000_000;
        try (IntIntMap m = create(MapType.HASH, n)) {
            int[] keys = new int[n];
            int[] values = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = i;
                values[i] = i;
            }
            m.putAll(keys, values, UpdateFlag.ANY);
            for (int r = 0; r <= reps; r++) {
                long[] acc = new long[2];
                long w0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                m.forEach(IterationMode.BATCH, (k, v) -> {
                    acc[0]++;
                    acc[1] += v;
                });
                long w1 = System.nanoTime();
                long c1 = THREADS.getCurrentThreadCpuTime();
                m.forEach(IterationMode.GET_NEXT_KEY, (k, v) -> acc[1] += v);
                long w2 = System.nanoTime();
                long c2 = THREADS.getCurrentThreadCpuTime();
                if (r > 0) {
                    System.out.printf("J  iterate 1M batch %.1f ms (cpu %.1f), get_next_key %.1f ms (cpu %.1f):"
                            + " batch is %.1fx faster (%d entries)%n", (w1 - w0) / 1e6, (c1 - c0) / 1e6,
                            (w2 - w1) / 1e6, (c2 - c1) / 1e6, (w2 - w1) / (double) (w1 - w0), acc[0]);
                }
            }
        }
    }
}
