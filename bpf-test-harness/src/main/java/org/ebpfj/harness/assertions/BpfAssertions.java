package org.ebpfj.harness.assertions;

import org.ebpfj.kernel.codec.Codecs;
import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.IntIntMap;
import org.ebpfj.kernel.map.IntLongMap;
import org.ebpfj.kernel.map.LongLongMap;
import org.ebpfj.kernel.map.PerCpuMap;
import org.ebpfj.kernel.map.QueueMap;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.program.TestRunResult;

/**
 * Entry points for AssertJ-style assertions on live BPF maps and test-run results. Import them next to AssertJ's
 * own; the overloads do not clash:
 * <pre>{@code
 * import static org.assertj.core.api.Assertions.assertThatThrownBy;
 * import static org.ebpfj.harness.assertions.BpfAssertions.assertThat;
 *
 * assertThat(hash).isFull().containsEntry(1003, 11033).doesNotContainKey(1004);
 * assertThat(lru).containsKey(1004).keepsFewerThanMaxEntriesAfter(1004).hasEvicted(1, 2, 3);
 * assertThat(fill.testRun(options)).returns(0);
 * }</pre>
 * Kernel exceptions work with AssertJ's {@code assertThatThrownBy(...).isInstanceOf(MapFullException.class)}.
 */
public final class BpfAssertions {
    private BpfAssertions() {
    }

    public static <K, V> MapAssert<K, V> assertThat(BpfMap<K, V> map) {
        return new MapAssert<>(new MapView<>(map, map.raw(), map.keyCodec(), map.valueCodec()));
    }

    public static MapAssert<Integer, Integer> assertThat(IntIntMap map) {
        return new MapAssert<>(new MapView<>(map, map.raw(), Codecs.int32(), Codecs.int32()));
    }

    public static MapAssert<Integer, Long> assertThat(IntLongMap map) {
        return new MapAssert<>(new MapView<>(map, map.raw(), Codecs.int32(), Codecs.int64()));
    }

    public static MapAssert<Long, Long> assertThat(LongLongMap map) {
        return new MapAssert<>(new MapView<>(map, map.raw(), Codecs.int64(), Codecs.int64()));
    }

    /** Keys and values as bytes; for per-CPU maps use a {@link PerCpuMap}. */
    public static MapAssert<byte[], byte[]> assertThat(RawMap map) {
        if (map.isPerCpu()) {
            throw new IllegalArgumentException("map '" + map.name() + "' is per-CPU; assert on map.perCpu(...)");
        }
        return new MapAssert<>(new MapView<>(map, map, Codecs.bytes(Math.toIntExact(map.keySize())),
                Codecs.bytes(Math.toIntExact(map.valueSize()))));
    }

    public static <K, V> PerCpuMapAssert<K, V> assertThat(PerCpuMap<K, V> map) {
        return new PerCpuMapAssert<>(map);
    }

    public static <V> QueueMapAssert<V> assertThat(QueueMap<V> queue) {
        return new QueueMapAssert<>(queue);
    }

    public static TestRunResultAssert assertThat(TestRunResult result) {
        return new TestRunResultAssert(result);
    }

    /** Events a program sends through a ring buffer or a perf buffer (see {@link EventsAssert}). */
    public static <T> EventsAssert<T> assertThat(org.ebpfj.kernel.event.EventReader<T> reader) {
        return new EventsAssert<>(reader);
    }
}
