package org.ebpfj.kernel.differential;

import java.util.List;
import java.util.Optional;

import org.ebpfj.object.rules.MapRuleEngine;
import org.ebpfj.object.rules.MemoryEstimate;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * Keeps the differential test from allocating much kernel memory, whatever the prediction says: a wrong prediction
 * is exactly what the test looks for, so the guard judges the map the kernel would build if it accepted the
 * attribute, from the engine's memory estimate.
 *
 * <p>The estimate's up-front parts are in the order the kernel allocates them. Walking them, the kernel holds the
 * sum of the parts so far; the walk stops early at a single allocation larger than RAM, which vmalloc refuses at
 * once ({@code __vmalloc_node_range}: size larger than {@code totalram_pages()}), so nothing after it is allocated.
 * An attribute is created when the most the kernel could hold stays within the limit.
 */
final class MemoryGuard {
    /** Within this margin of RAM an estimate (which ignores allocator rounding) does not decide "refused at once". */
    private static final int RAM_MARGIN_SHIFT = 3;

    enum Verdict {
        /** Everything the kernel could allocate fits in the limit. */
        SMALL,
        /** An allocation larger than RAM comes first (after at most the limit): the kernel refuses it at once. */
        REFUSED_AT_ONCE,
        /** The kernel could hold more than the limit: not created. */
        TOO_LARGE
    }

    private final MapRuleEngine engine;
    private final long ram;

    MemoryGuard(MapRuleEngine engine) {
        this.engine = engine;
        this.ram = engine.profile().totalRamBytes();
    }

    /** The verdict for the attribute and every inner map it needs created first, for at most {@code limit} bytes. */
    Verdict judge(MapCreateAttr attr, long limit) {
        Verdict worst = Verdict.SMALL;
        for (Optional<MapCreateAttr> a = Optional.of(attr); a.isPresent(); a = a.get().innerMap()) {
            Verdict v = judgeOne(a.get(), limit);
            if (v == Verdict.TOO_LARGE) {
                return v;
            }
            if (v == Verdict.REFUSED_AT_ONCE) {
                worst = v;
            }
        }
        return worst;
    }

    private Verdict judgeOne(MapCreateAttr attr, long limit) {
        MemoryEstimate e = engine.estimate(attr);
        List<MemoryEstimate.Part> parts = e.parts();
        long held = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).upfront()) {
                continue;
            }
            long bytes = parts.get(i).bytes();
            boolean single = !manyAllocations(attr, i, parts.size());
            if (single && bytes - (bytes >> RAM_MARGIN_SHIFT) > ram) {
                return held <= limit ? Verdict.REFUSED_AT_ONCE : Verdict.TOO_LARGE;
            }
            held = saturatingAdd(held, bytes);
            if (held > limit) {
                return Verdict.TOO_LARGE;
            }
        }
        return Verdict.SMALL;
    }

    /**
     * Parts the kernel allocates piece by piece, so that no single request is refused at once: per-CPU values (one
     * per-CPU allocation per element, the last part of the per-CPU types) and ring buffer data pages (one page at a
     * time).
     */
    private static boolean manyAllocations(MapCreateAttr attr, int index, int count) {
        MapType t = attr.type().orElse(MapType.UNSPEC);
        if (t == MapType.RINGBUF || t == MapType.USER_RINGBUF) {
            return true;
        }
        boolean perCpu = t == MapType.PERCPU_ARRAY || t == MapType.PERCPU_HASH || t == MapType.LRU_PERCPU_HASH;
        return perCpu && index == count - 1;
    }

    /**
     * Whether allocating this one map (not its inner maps) is quick: at most {@code bytes} and at most
     * {@code perCpuAllocations} per-CPU allocations, which cost time per element rather than per byte.
     */
    boolean cheap(MapCreateAttr attr, long bytes, long perCpuAllocations) {
        return judgeOne(attr, bytes) != Verdict.TOO_LARGE && perCpuAllocations(attr) <= perCpuAllocations;
    }

    /** How many per-CPU allocations the kernel makes up front: one per element of a preallocated per-CPU map. */
    private static long perCpuAllocations(MapCreateAttr attr) {
        MapType t = attr.type().orElse(MapType.UNSPEC);
        boolean prealloc = (t == MapType.PERCPU_HASH && !attr.has(MapFlag.NO_PREALLOC))
                || t == MapType.LRU_PERCPU_HASH || t == MapType.PERCPU_ARRAY;
        return prealloc ? attr.maxEntries() : 0;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
