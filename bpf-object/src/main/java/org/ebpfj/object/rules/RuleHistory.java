package org.ebpfj.object.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.ebpfj.object.machine.KernelVersion;
import org.ebpfj.object.machine.UapiHistory;

/**
 * Every BPF_MAP_CREATE answer that changed between Linux 5.10 and today, with the release that changed it: the map
 * types and flags a release introduced ({@link UapiHistory}) and the limits a release moved. The rules read the
 * version constants below, so one rule set predicts for every target; this class also lists the changes for
 * reports and the site.
 */
public final class RuleHistory {

    /**
     * "bpf: Lift hashtab key_size limit" (2022): before it, {@code htab_map_alloc_check} refused a
     * key above MAX_BPF_STACK (512) and a value from KMALLOC_MAX_SIZE − MAX_BPF_STACK − sizeof(htab_elem) with
     * E2BIG; after it, key and value share KMALLOC_MAX_SIZE − sizeof(htab_elem). Measured in guests: Debian's 5.10
     * refuses key 513 and key + value 4194255, Debian's 6.1 accepts both (6.1 is the first release we saw it in).
     */
    public static final KernelVersion HASH_KEY_LIMIT_LIFTED = KernelVersion.of(6, 1);

    /**
     * The series "bpf: switch to memcg-based memory accounting" (Roman Gushchin, merged for 5.11): from 5.11
     * map memory is charged to the memory cgroup. Before, it is charged to RLIMIT_MEMLOCK (64 KiB by default), and a
     * map above it gets EPERM unless the loader raises the limit, as libbpf 1.0+ and the test harness do. The rules
     * assume a raised limit (the verdict says so for older targets).
     */
    public static final KernelVersion MEMCG_ACCOUNTING = KernelVersion.of(5, 11);

    /**
     * {@code array_map_alloc_check} refused value_size above KMALLOC_MAX_SIZE with E2BIG; later kernels take up to
     * INT_MAX. Measured in guests: 5.10 refuses 4194305, 6.1 accepts it (the release in between is not measured).
     */
    public static final KernelVersion ARRAY_VALUE_LIMIT_RAISED = KernelVersion.of(6, 1);

    /**
     * "bpf: Increase supported cgroup storage value size" (5.12): before, CGROUP_STORAGE and PERCPU_CGROUP_STORAGE
     * values were limited to PAGE_SIZE (E2BIG above); since, BPF_LOCAL_STORAGE_MAX_VALUE_SIZE (and
     * PCPU_MIN_UNIT_SIZE for the per-CPU variant). Measured: 5.10 refuses 4097.
     */
    public static final KernelVersion CGROUP_STORAGE_VALUE_RAISED = KernelVersion.of(5, 12);

    /**
     * Measured, and found in no source we hold: Debian's 6.12.118 refuses a QUEUE or STACK whose elements take more
     * than U32_MAX bytes ((max_entries + 1) × value_size) with E2BIG, before the token check (so BPF_F_TOKEN_FD
     * without a token gets E2BIG there, not EINVAL) and before any allocation (where other kernels answer ENOMEM):
     * the first E2BIG is at exactly 2^32 bytes for value sizes 1 to 4 MiB. Guests of 6.1.192 and 7.2.13 and the
     * 6.18.44 host have no such check, nor has 5.10.262 (its E2BIG is bpf_map_charge_init's, 4 KiB lower, after the
     * type's checks). Which 6.12 point release brought it is not known, so it is taken to hold from 6.12.118 on in
     * the 6.12 series only.
     */
    public static final KernelVersion QUEUE_STACK_SIZE_CHECKED = KernelVersion.parse("6.12.118");

    /** One change: since {@code since}, {@code after}; before it, {@code before}. */
    public record Change(KernelVersion since, String subject, String before, String after, String ruleId) {
        public String describe() {
            return "Linux " + since + ": " + subject + " (before: " + before + "; since: " + after + ")";
        }
    }

    /** The limits a release moved, and the map_extra field (the types and flags come from {@link UapiHistory}). */
    private static final List<Change> LIMITS = List.of(
            new Change(UapiHistory.mapExtraSince(), "map_extra field", "EINVAL when not 0",
                    "BLOOM_FILTER hash count (ARENA address since 6.9)", "generic.map-extra"),
            new Change(MEMCG_ACCOUNTING, "map memory accounting",
                    "charged to RLIMIT_MEMLOCK: EPERM above it (64 KiB by default) unless raised",
                    "charged to the memory cgroup", "(loader raises RLIMIT_MEMLOCK)"),
            new Change(HASH_KEY_LIMIT_LIFTED, "hash key size", "E2BIG when key_size > 512 (MAX_BPF_STACK)",
                    "no own limit", "hash.key-size-stack"),
            new Change(HASH_KEY_LIMIT_LIFTED, "hash value size",
                    "E2BIG when value_size >= KMALLOC_MAX_SIZE − 512 − 48 (4193744)",
                    "E2BIG when key_size + value_size >= KMALLOC_MAX_SIZE − 48 (4194256)", "hash.value-size-stack"),
            new Change(MEMCG_ACCOUNTING, "LPM_TRIE up-front charge",
                    "E2BIG when max_entries × (40 + value_size + key_size − 4) reaches 4 GiB",
                    "nodes charged on insert: any max_entries", "lpm-trie.charge"),
            new Change(CGROUP_STORAGE_VALUE_RAISED, "cgroup storage value size", "E2BIG above PAGE_SIZE",
                    "E2BIG above 65407 (32768 per-CPU)", "cgroup-storage.value-size-page"),
            new Change(ARRAY_VALUE_LIMIT_RAISED, "array value size", "E2BIG above KMALLOC_MAX_SIZE (4 MiB)",
                    "E2BIG above INT_MAX", "array.value-size-kmalloc"),
            // The point release decides within a series: the change names the stable releases that took it.
            new Change(UapiHistory.LRU_CLAMPED_TARGET_FREE.mainline(), "LRU free batch (capacity, not creation; "
                    + UapiHistory.LRU_CLAMPED_TARGET_FREE.releases() + ")", "128 elements per CPU",
                    "clamp(max_entries / CPUs / 2, 1, 128)", "lru capacity model"));

    private RuleHistory() {
    }

    /** The changes that matter for targets at or after {@code oldest}, oldest first. */
    public static List<Change> since(KernelVersion oldest) {
        List<Change> out = new ArrayList<>();
        for (MapType t : MapType.values()) {
            KernelVersion v = UapiHistory.since(t);
            if (t != MapType.UNSPEC && v.compareTo(oldest) > 0) {
                out.add(new Change(v, t + " maps", "EINVAL (unknown type)", "created", "generic.map-type"));
            }
        }
        for (MapFlag f : MapFlag.values()) {
            KernelVersion v = UapiHistory.since(f);
            if (v != null && v.compareTo(oldest) > 0) {
                out.add(new Change(v, "BPF_F_" + f + " flag", "EINVAL (unknown flag)", "accepted where the type "
                        + "takes it", "generic flags"));
            }
        }
        for (Change c : LIMITS) {
            if (c.since().compareTo(oldest) > 0) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparing(Change::since).thenComparing(Change::subject));
        return List.copyOf(out);
    }

    /** Whether the target refuses oversized QUEUE and STACK maps early ({@link #QUEUE_STACK_SIZE_CHECKED}). */
    public static boolean checksQueueStackSize(KernelVersion target) {
        return target.major() == QUEUE_STACK_SIZE_CHECKED.major() && target.minor() == QUEUE_STACK_SIZE_CHECKED.minor()
                && target.atLeast(QUEUE_STACK_SIZE_CHECKED);
    }

    /** Whether map memory of a target is charged to RLIMIT_MEMLOCK (the loader must raise it). */
    public static boolean chargesMemlock(KernelVersion target) {
        return !target.atLeast(MEMCG_ACCOUNTING);
    }
}
