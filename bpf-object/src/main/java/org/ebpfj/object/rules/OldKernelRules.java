package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.function.ToLongFunction;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapType;
import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.machine.KernelVersion;
import org.ebpfj.object.spec.MapCreateAttr;

/**
 * Checks that only kernels older than a given release make; each rule fires only for such targets and names the
 * release that dropped or moved it ({@link RuleHistory}). Found by running the differential test in 5.10 guests.
 */
final class OldKernelRules {
    /** {@code bpf_map_charge_init}: before memcg accounting, a cost of U32_MAX − PAGE_SIZE or more is E2BIG. */
    static final long CHARGE_LIMIT = MapCreateAttr.U32_MAX;
    /** sizeof(struct lpm_trie) on 5.10 x86_64 (struct bpf_map and the trie's fields), to a cache line. */
    static final long LPM_TRIE_STRUCT = 320;
    /** sizeof(struct lpm_trie_node) on 5.10 x86_64: rcu_head, two child pointers, prefixlen, flags. */
    static final long LPM_NODE_5_10 = 40;

    private OldKernelRules() {
    }

    /** After {@code array_map_alloc_check}'s sanity checks. */
    static List<KernelRule> arrayCheck() {
        return List.of(valueSizeRaised(rule("array.value-size-kmalloc", Stage.ALLOC_CHECK, Errno.E2BIG,
                        "array_map_alloc_check", EnumSet.of(MapType.ARRAY, MapType.PERCPU_ARRAY, MapType.PROG_ARRAY,
                                MapType.PERF_EVENT_ARRAY, MapType.CGROUP_ARRAY, MapType.ARRAY_OF_MAPS)),
                RuleHistory.ARRAY_VALUE_LIMIT_RAISED, "KMALLOC_MAX_SIZE", "KMALLOC_MAX_SIZE (4 MiB)",
                KernelProfile::kmallocMaxSize, "limits array values to one kmalloc (raised to INT_MAX by "));
    }

    /** Between cgroup storage's value_size == 0 check and its flags check. */
    static KernelRule cgroupStoragePage() {
        return valueSizeRaised(rule("cgroup-storage.value-size-page", Stage.ALLOC, Errno.E2BIG,
                        "cgroup_storage_map_alloc", TypeTables.CGROUP_STORAGE),
                RuleHistory.CGROUP_STORAGE_VALUE_RAISED, "PAGE_SIZE", "PAGE_SIZE", KernelProfile::pageSize,
                "keeps a cgroup storage value in one page (raised in ");
    }

    /**
     * A value_size limit that a later kernel raised: {@code value_size <v> > <LIMIT> (<n>): Linux <version> <why>
     * <raised>)}.
     */
    private static KernelRule valueSizeRaised(KernelRule.Draft draft, KernelVersion raised, String limitName,
                                              String limitSummary, ToLongFunction<KernelProfile> limit, String why) {
        return draft.summary("before Linux " + raised + ": value_size at most " + limitSummary)
                .reads(AttrField.VALUE_SIZE)
                .check(c -> fire(!c.profile().version().atLeast(raised)
                        && c.v() > limit.applyAsLong(c.profile()), () -> "value_size " + c.v() + " > " + limitName
                        + " (" + limit.applyAsLong(c.profile()) + "): Linux " + c.profile().version() + " " + why
                        + raised + ")"));
    }

    /** After {@code trie_alloc}'s sanity checks: the memlock charge of the whole trie. */
    static List<KernelRule> lpmCharge() {
        return List.of(rule("lpm-trie.charge", Stage.ALLOC, Errno.E2BIG, "bpf_map_charge_init",
                LpmTrieRules.TYPES)
                .summary("before Linux " + RuleHistory.MEMCG_ACCOUNTING + ": the trie's memlock charge (max_entries "
                        + "× (node + data + value)) must stay below 4 GiB")
                .reads(AttrField.KEY_SIZE, AttrField.VALUE_SIZE, AttrField.MAX_ENTRIES)
                .check(c -> {
                    if (c.profile().version().atLeast(RuleHistory.MEMCG_ACCOUNTING)) {
                        return java.util.Optional.empty();
                    }
                    long perNode = LPM_NODE_5_10 + c.v() + (c.k() - 4);
                    double cost = LPM_TRIE_STRUCT + (double) c.m() * perNode;
                    return fire(cost >= CHARGE_LIMIT - c.profile().pageSize(), () -> "max_entries " + c.m() + " × "
                            + perNode + " bytes per node: Linux " + c.profile().version() + " charges the whole trie "
                            + "to RLIMIT_MEMLOCK up front, and a charge of 4 GiB or more is E2BIG (memory cgroup "
                            + "accounting from " + RuleHistory.MEMCG_ACCOUNTING + " dropped it)");
                }));
    }
}
