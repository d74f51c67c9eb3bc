package org.ebpfj.bench;

import org.ebpfj.kernel.map.RawMap;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A benchmark on one map created for the trial: the map, closed after the trial, and a cursor that walks the
 * keys the trial filled, so that each operation is on the next key of the working set, as in the C baseline.
 */
public abstract class MapBenchmark extends BenchmarkDefaults {
    protected RawMap raw;
    private int next;

    /** The next of the keys {@code 0 .. keys - 1}, round and round. */
    protected final int nextKey(int keys) {
        int k = next;
        next = k + 1 == keys ? 0 : k + 1;
        return k;
    }

    @TearDown(Level.Trial)
    public final void close() {
        if (raw != null) {
            raw.close();
        }
        freeMore();
    }

    /** What a benchmark holds besides the map. */
    protected void freeMore() {
    }
}
