package org.ebpfj.object.rules;

import org.ebpfj.object.machine.KernelProfile;

/**
 * Computes {@link LruCapacity} from the LRU list algorithm (kernel/bpf/bpf_lru_list.c). Reproduces the
 * single-CPU measurements of research/lru-behavior.md exactly (983 of 1003 after 1004 inserts, 9 of 10, ...).
 */
final class LruModel {
    /** {@code LOCAL_FREE_TARGET}: the largest common-LRU batch, and the scan limit. */
    static final long LOCAL_FREE_TARGET = 128;
    /** {@code PERCPU_FREE_TARGET}: NO_COMMON_LRU evicts this many at a time. */
    static final long PERCPU_FREE_TARGET = 4;

    private LruModel() {
    }

    static LruCapacity capacity(long maxEntries, boolean noCommonLru, KernelProfile profile) {
        int cpus = profile.possibleCpus();
        if (noCommonLru) {
            long n = HashRules.effectiveMaxEntries(maxEntries, true, cpus);
            long share = n / cpus;
            long batch = Math.max(1, Math.min(PERCPU_FREE_TARGET, share));
            long minimum = Math.max(0, share - batch + 1);
            return new LruCapacity(maxEntries, n, cpus, false, batch, share, share + 1, minimum, minimum * cpus);
        }
        long n = maxEntries;
        long target = targetFree(n, cpus, profile.lruClampedTargetFree());
        long batch = Math.max(1, Math.min(target, n));
        long full = n / target;
        long rest = n % target;
        // The refill that finds only `rest` free nodes evicts the missing ones; with rest == 0 (or a map smaller
        // than one batch) eviction waits for the insert after the map is full.
        long firstEviction = rest == 0 || full == 0 ? n + 1 : n - rest + 1;
        long minimum = Math.max(0, n - batch + 1);
        long allCpus = Math.max(0, n - cpus * batch);
        return new LruCapacity(maxEntries, n, cpus, true, batch, n, firstEviction, minimum, allCpus);
    }

    /** {@code lru->target_free}: clamp((N / P) / 2, 1, LOCAL_FREE_TARGET) since 6.16, else LOCAL_FREE_TARGET. */
    static long targetFree(long n, int cpus, boolean clamped) {
        if (!clamped) {
            return LOCAL_FREE_TARGET;
        }
        return Math.max(1, Math.min(n / cpus / 2, LOCAL_FREE_TARGET));
    }
}
