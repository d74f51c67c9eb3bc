package org.ebpfj.kernel;

/**
 * How many entries a fresh common-LRU map (LRU_HASH, flags 0) holds after {@code inserts} distinct keys, all
 * inserted from one CPU: the kernel refills the CPU's local free list in batches of
 * {@code T = clamp(max_entries / possible_cpus / 2, 1, 128)} nodes and, once the global free list runs dry,
 * evicts the missing nodes of a batch from the map (kernel/bpf/bpf_lru_list.c; /work/shared/research/lru-behavior.md
 * section 3, which this reproduces).
 */
final class LruModel {
    private LruModel() {
    }

    static long batch(long maxEntries, int possibleCpus) {
        return Math.max(1, Math.min(128, maxEntries / possibleCpus / 2));
    }

    static long entriesAfter(long maxEntries, int possibleCpus, long inserts) {
        long t = batch(maxEntries, possibleCpus);
        long globalFree = maxEntries;
        long localFree = 0;
        long inMap = 0;
        for (long i = 0; i < inserts; i++) {
            if (localFree == 0) {
                long take = Math.min(t, globalFree);
                globalFree -= take;
                localFree += take;
                if (take < t) {
                    long evicted = Math.min(t - take, inMap);
                    inMap -= evicted;
                    localFree += evicted;
                }
            }
            localFree--;
            inMap++;
        }
        return inMap;
    }
}
