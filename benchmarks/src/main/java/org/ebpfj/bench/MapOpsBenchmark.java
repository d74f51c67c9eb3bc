package org.ebpfj.bench;

import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.IntIntMap;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.map.UpdateFlag;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Single-element lookup and update from user space, in the shape of the C baseline's "single" rows: a map of
 * 1,000,000 max entries holding keys 0..99,999, u32 keys and values, each operation on the next key of that
 * working set, every lookup a hit. Two Java paths: the unboxed {@link IntIntMap} and the generic
 * {@code BpfMap<Integer, Integer>} that tests get injected (boxing and codecs included).
 */
public class MapOpsBenchmark extends MapBenchmark {
    static final int MAX_ENTRIES = 1_000_000;
    static final int WORKING_SET = 100_000;

    @Param({"HASH", "LRU_HASH", "ARRAY"})
    public String mapType;

    private IntIntMap map;
    private BpfMap<Integer, Integer> boxed;

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

    private int nextKey() {
        return nextKey(WORKING_SET);
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
