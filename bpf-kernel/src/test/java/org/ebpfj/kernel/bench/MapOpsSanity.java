package org.ebpfj.kernel.bench;

import java.util.concurrent.atomic.LongAdder;

import org.ebpfj.kernel.IntIntMap;
import org.ebpfj.kernel.IterationMode;
import org.ebpfj.kernel.RawMap;
import org.ebpfj.kernel.UpdateFlag;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapType;

/**
 * A quick, hand-run sanity check of single-element and iteration costs against the C baseline
 * (/work/shared/perf/BASELINE.md: same shapes as mapbench's "single" and "iter" rows). Not a benchmark: the JMH
 * suite is the measurement of record. Run with the test classpath and --enable-native-access=ALL-UNNAMED.
 */
public final class MapOpsSanity {
    private static final int OPS = 1_000_000;
    private static final int WORKING_SET = 100_000;

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        single(MapType.HASH, reps);
        single(MapType.ARRAY, reps);
        iterate(reps);
    }

    private static void single(MapType type, int reps) {
        try (IntIntMap m = RawMap.create(MapSpec.builder("sanity", type).keySize(4).valueSize(4)
                .maxEntries(1_000_000).build()).intInt()) {
            for (int k = 0; k < WORKING_SET; k++) {
                m.put(k, k);
            }
            for (int r = 0; r < reps + 1; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < OPS; i++) {
                    m.put(i % WORKING_SET, i, UpdateFlag.ANY);
                }
                long t1 = System.nanoTime();
                long sum = 0;
                for (int i = 0; i < OPS; i++) {
                    sum += m.getOrDefault(i % WORKING_SET, -1);
                }
                long t2 = System.nanoTime();
                if (r > 0) {
                    System.out.printf("%s u32/u32 update %.1f ns/op, lookup %.1f ns/op (sum %d)%n", type,
                            (t1 - t0) / (double) OPS, (t2 - t1) / (double) OPS, sum);
                }
            }
        }
    }

    private static void iterate(int reps) {
        int n = 1_000_000;
        try (IntIntMap m = RawMap.create(MapSpec.builder("sanity_iter", MapType.HASH).keySize(4).valueSize(4)
                .maxEntries(n).build()).intInt()) {
            int[] keys = new int[n];
            int[] values = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = i;
                values[i] = i;
            }
            m.putAll(keys, values, UpdateFlag.ANY);
            for (int r = 0; r < reps + 1; r++) {
                LongAdder seen = new LongAdder();
                long t0 = System.nanoTime();
                long[] acc = new long[2];
                m.forEach(IterationMode.BATCH, (k, v) -> {
                    acc[0]++;
                    acc[1] += v;
                });
                long t1 = System.nanoTime();
                long[] acc2 = new long[2];
                m.forEach(IterationMode.GET_NEXT_KEY, (k, v) -> {
                    acc2[0]++;
                    acc2[1] += v;
                });
                long t2 = System.nanoTime();
                seen.add(acc[0]);
                if (r > 0) {
                    System.out.printf("iterate 1M HASH: batch %.1f ms (%d entries), get_next_key %.1f ms (%d), ratio %.2f%n",
                            (t1 - t0) / 1e6, acc[0], (t2 - t1) / 1e6, acc2[0], (t2 - t1) / (double) (t1 - t0));
                }
            }
        }
    }
}
