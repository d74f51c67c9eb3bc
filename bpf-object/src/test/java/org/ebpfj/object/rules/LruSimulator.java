package org.ebpfj.object.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * A step-by-step model of kernel/bpf/bpf_lru_list.c for distinct-key inserts from one CPU without lookups: the
 * reference {@link LruModel}'s closed form is checked against. Keys are 0, 1, 2, ...
 */
final class LruSimulator {
    private static final int NR_SCANS_COMMON = 128;
    private static final int PERCPU_FREE_TARGET = 4;

    private final boolean common;
    private final long target;
    private final Set<Long> inMap = new HashSet<>();
    /** Head = newest, tail = oldest. */
    private final Deque<Long> inactive = new ArrayDeque<>();
    private final Deque<Long> pending = new ArrayDeque<>();
    private long globalFree;
    private long localFree;
    private long inserts;
    private long keyZeroEvictedAt;

    private LruSimulator(boolean common, long nodes, long target) {
        this.common = common;
        this.globalFree = nodes;
        this.target = target;
    }

    static LruSimulator commonLru(long maxEntries, long targetFree) {
        return new LruSimulator(true, maxEntries, targetFree);
    }

    /** One CPU's share of a NO_COMMON_LRU map. */
    static LruSimulator perCpuLru(long share) {
        return new LruSimulator(false, share, PERCPU_FREE_TARGET);
    }

    long insert() {
        long key = inserts++;
        if (common) {
            if (localFree == 0) {
                refill();
            }
            localFree--;
            pending.push(key);
        } else {
            if (globalFree == 0) {
                shrink(PERCPU_FREE_TARGET, PERCPU_FREE_TARGET);
            }
            globalFree--;
            inactive.push(key);
        }
        inMap.add(key);
        return inMap.size();
    }

    long keyZeroEvictedAt() {
        return keyZeroEvictedAt;
    }

    private void refill() {
        while (!pending.isEmpty()) {
            inactive.push(pending.pollLast());
        }
        long moved = Math.min(target, globalFree);
        globalFree -= moved;
        localFree += moved;
        if (moved < target) {
            localFree += shrink(target - moved, NR_SCANS_COMMON);
        }
    }

    /** Evicts from the inactive tail; forces one eviction when none happened. Returns nodes freed. */
    private long shrink(long wanted, int scans) {
        long freed = 0;
        for (int i = 0; i < scans && freed < wanted && !inactive.isEmpty(); i++) {
            evict(inactive.pollLast());
            freed++;
        }
        if (freed == 0 && !inactive.isEmpty()) {
            evict(inactive.pollLast());
            freed = 1;
        }
        if (!common) {
            globalFree += freed;
            return 0;
        }
        return freed;
    }

    private void evict(long key) {
        inMap.remove(key);
        if (key == 0) {
            keyZeroEvictedAt = inserts;
        }
    }
}
