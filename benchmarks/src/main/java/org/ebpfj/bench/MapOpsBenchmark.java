package org.ebpfj.bench;

import java.util.concurrent.TimeUnit;

import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.IntIntMap;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.map.UpdateFlag;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-element lookup and update from user space, in the shape of the C baseline's "single" rows: a map of
 * 1,000,000 max entries holding keys 0..99,999, u32 keys and values, each operation on the next key of that
 * working set, every lookup a hit. Two Java paths: the unboxed {@link IntIntMap} and the generic
 * {@code BpfMap<Integer, Integer>} that tests get injected (boxing and codecs included).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class MapOpsBenchmark {
    static final int MAX_ENTRIES = 1_000_000;
    static final int WORKING_SET = 100_000;

    @Param({"HASH", "LRU_HASH", "ARRAY"})
    public String mapType;

    private RawMap raw;
    private IntIntMap map;
    private BpfMap<Integer, Integer> boxed;
    private int next;

    @Setup(Level.Trial)
    public void createAndFill() {
        raw = RawMap.create(MapSpec.builder("bench_ops", MapType.valueOf(mapType))
                .keySize(4).valueSize(4).maxEntries(MAX_ENTRIES).build());
        map = raw.intInt();
        boxed = raw.typed(Integer.class, Integer.class);
        for (int k = 0; k < WORKING_SET; k++) {
            map.put(k, k);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        if (raw != null) {
            raw.close();
        }
    }

    private int nextKey() {
        int k = next;
        next = k + 1 == WORKING_SET ? 0 : k + 1;
        return k;
    }

    /** What the map holds for a key, for the smoke test; -1 when absent. */
    int valueOf(int key) {
        return map.getOrDefault(key, -1);
    }

    @Benchmark
    public int lookup() {
        return map.getOrDefault(nextKey(), -1);
    }

    @Benchmark
    public void update() {
        map.put(nextKey(), 7, UpdateFlag.ANY);
    }

    @Benchmark
    public Integer lookupBoxed() {
        return boxed.getOrDefault(nextKey(), -1);
    }

    @Benchmark
    public void updateBoxed() {
        boxed.put(nextKey(), 7, UpdateFlag.ANY);
    }
}
