package org.ebpfj.bench;

import java.util.concurrent.TimeUnit;

import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.IntIntMap;
import org.ebpfj.kernel.map.IterationMode;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.map.UpdateFlag;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full walk of a HASH holding 1,000,000 u32 -> u32 entries, as in the C baseline's "iter" rows: batch lookups
 * versus GET_NEXT_KEY plus one lookup per key. One walk is one operation (hundreds of milliseconds), timed one
 * at a time like the C runs; every walk checks that it saw every entry.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
public class IterationBenchmark extends MapBenchmark {
    static final int ENTRIES = 1_000_000;

    int entries = ENTRIES;
    private IntIntMap map;
    private BpfMap<Integer, Integer> boxed;

    @Setup(Level.Trial)
    public void createAndFill() {
        raw = RawMap.create(MapSpec.builder("bench_iter", MapType.HASH)
                .keySize(4).valueSize(4).maxEntries(entries).build());
        map = raw.intInt();
        boxed = raw.typed(Integer.class, Integer.class);
        int[] keys = new int[entries];
        int[] values = new int[entries];
        for (int i = 0; i < entries; i++) {
            keys[i] = i;
            values[i] = i;
        }
        map.putAll(keys, values, UpdateFlag.ANY);
    }

    @Benchmark
    public long batch() {
        return walk(IterationMode.BATCH);
    }

    @Benchmark
    public long getNextKey() {
        return walk(IterationMode.GET_NEXT_KEY);
    }

    /** The same batch walk through the generic view: one boxed key and value per entry. */
    @Benchmark
    public long batchBoxed() {
        long[] seenAndSum = new long[2];
        boxed.forEach(IterationMode.BATCH, (k, v) -> {
            seenAndSum[0]++;
            seenAndSum[1] += v;
        });
        return checked(seenAndSum);
    }

    private long walk(IterationMode mode) {
        long[] seenAndSum = new long[2];
        map.forEach(mode, (k, v) -> {
            seenAndSum[0]++;
            seenAndSum[1] += v;
        });
        return checked(seenAndSum);
    }

    private long checked(long[] seenAndSum) {
        if (seenAndSum[0] != entries) {
            throw new IllegalStateException("walk saw " + seenAndSum[0] + " of " + entries + " entries");
        }
        return seenAndSum[1];
    }
}
