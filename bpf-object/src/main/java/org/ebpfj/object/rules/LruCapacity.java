package org.ebpfj.object.rules;

/**
 * How many entries an LRU hash map really keeps (kernel/bpf/bpf_lru_list.c), for one profile's CPU count. LRU maps
 * never fail an insert; they evict in batches before the map is full, so fewer than max_entries stay.
 *
 * <p>Common LRU (default): free nodes move to a CPU in batches of {@code batch} = clamp(N / P / 2, 1, 128)
 * (128 before Linux 6.16); a refill that finds the global free list short evicts the missing nodes. With one
 * inserting CPU, the count after each insert cycles between N − batch + 1 and N once evictions start.
 * <p>{@code BPF_F_NO_COMMON_LRU}: max_entries is rounded up to a multiple of P and split evenly; a CPU inserts
 * only into its own share of N / P nodes and evicts 4 at a time when it is full.
 *
 * @param maxEntries            as declared
 * @param effectiveMaxEntries   after NO_COMMON_LRU rounding
 * @param commonLru             false with BPF_F_NO_COMMON_LRU
 * @param batch                 nodes evicted per refill once the map is full
 * @param perCpuLimit           NO_COMMON_LRU: the most entries inserts from one CPU can hold (N / P); else N
 * @param firstEvictionAtInsert the insert (1-based, distinct keys, one CPU) that evicts the first, oldest key
 * @param singleWriterMinimum   entries guaranteed right after an insert from one CPU, once evictions start
 * @param allCpusMinimum        a lower estimate when every possible CPU inserts (each can park a batch)
 */
public record LruCapacity(
        long maxEntries,
        long effectiveMaxEntries,
        int possibleCpus,
        boolean commonLru,
        long batch,
        long perCpuLimit,
        long firstEvictionAtInsert,
        long singleWriterMinimum,
        long allCpusMinimum) {

    /** Entries left after {@code inserts} distinct keys were inserted from one CPU (no lookups, no deletes). */
    public long afterInserts(long inserts) {
        if (inserts < firstEvictionAtInsert) {
            return Math.min(inserts, perCpuLimit);
        }
        return perCpuLimit - batch + 1 + (inserts - firstEvictionAtInsert) % batch;
    }
}
