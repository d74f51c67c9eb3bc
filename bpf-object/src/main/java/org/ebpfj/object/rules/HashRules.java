package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.bytes;
import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.CreateContext.roundUp8;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.ebpfj.object.machine.KernelProfile;

/** kernel/bpf/hashtab.c: {@code htab_map_alloc_check} and {@code htab_map_alloc}. */
final class HashRules {
    static final Set<MapType> HTAB = EnumSet.of(MapType.HASH, MapType.PERCPU_HASH, MapType.LRU_HASH,
            MapType.LRU_PERCPU_HASH, MapType.HASH_OF_MAPS);
    static final Set<MapType> LRU = EnumSet.of(MapType.LRU_HASH, MapType.LRU_PERCPU_HASH);
    static final Set<MapType> PERCPU = EnumSet.of(MapType.PERCPU_HASH, MapType.LRU_PERCPU_HASH);

    private static final String CHECK = "htab_map_alloc_check";

    private HashRules() {
    }

    static List<KernelRule> allocCheck() {
        RuleTable t = RuleTable.of("hash", Stage.ALLOC_CHECK, CHECK, HTAB)
                // HTAB_CREATE_FLAG_MASK
                .flagsAndAccess("hash maps accept", MapFlag.NO_PREALLOC, MapFlag.NO_COMMON_LRU, MapFlag.NUMA_NODE,
                        MapFlag.ZERO_SEED)
                .add(t0("hash.no-common-lru", Errno.EINVAL, HTAB)
                        .summary("BPF_F_NO_COMMON_LRU is only for LRU_HASH and LRU_PERCPU_HASH")
                        .reads(AttrField.MAP_FLAGS)
                        .passesWhenZero(ZeroGuard.FLAGS)
                        .check(c -> fire(c.has(MapFlag.NO_COMMON_LRU) && !lru(c), () ->
                                "map_flags has NO_COMMON_LRU, which only LRU maps take; " + c.typeName()
                                        + " has no LRU list")))
                .add(t0("lru.no-prealloc", Errno.ENOTSUPP, LRU)
                        .summary("LRU maps are always preallocated: BPF_F_NO_PREALLOC is not supported")
                        .reads(AttrField.MAP_FLAGS)
                        .passesWhenZero(ZeroGuard.FLAGS)
                        .check(c -> fire(c.has(MapFlag.NO_PREALLOC), () ->
                                "map_flags has NO_PREALLOC, but LRU maps preallocate every element so they can "
                                        + "evict without allocating: remove NO_PREALLOC")))
                .add(t0("hash.numa-node", Errno.EINVAL, HTAB)
                        .summary("no NUMA node for per-CPU hash maps or NO_COMMON_LRU maps (their memory is per CPU)")
                        .reads(AttrField.MAP_FLAGS)
                        .passesWhenZero(ZeroGuard.FLAGS)
                        .check(c -> fire(c.numaGiven() && (percpu(c) || c.has(MapFlag.NO_COMMON_LRU)), () ->
                                "numa_node " + Integer.toUnsignedLong(c.numaNode()) + " is given, but "
                                        + (percpu(c) ? c.typeName() + " values" : "NO_COMMON_LRU lists")
                                        + " are spread over all CPUs' memory: drop NUMA_NODE or set numa_node "
                                        + "to -1")))
                .nonZero(AttrField.MAX_ENTRIES, "a {type} map needs room for at least one element")
                .nonZero(AttrField.KEY_SIZE, "a {type} map needs a key (use an ARRAY for index keys)")
                .nonZero(AttrField.VALUE_SIZE, "a {type} map needs a value of at least 1 byte");
        return t.addAll(List.of(
                rule("hash.key-size-stack", Stage.ALLOC_CHECK, Errno.E2BIG, CHECK, HTAB)
                        .summary("before Linux " + RuleHistory.HASH_KEY_LIMIT_LIFTED + ": key_size at most "
                                + "MAX_BPF_STACK (512), as programs built keys on their stack")
                        .reads(AttrField.KEY_SIZE)
                        .check(c -> fire(!liftedKeyLimit(c) && c.k() > KernelProfile.MAX_BPF_STACK, () ->
                                "key_size " + c.k() + " > " + KernelProfile.MAX_BPF_STACK + " (MAX_BPF_STACK): "
                                        + "Linux " + c.profile().version() + " limits hash keys to the BPF stack size "
                                        + "(lifted in " + RuleHistory.HASH_KEY_LIMIT_LIFTED + ")")),
                rule("hash.value-size-stack", Stage.ALLOC_CHECK, Errno.E2BIG, CHECK, HTAB)
                        .summary("before Linux " + RuleHistory.HASH_KEY_LIMIT_LIFTED + ": value_size below "
                                + "KMALLOC_MAX_SIZE − MAX_BPF_STACK − sizeof(struct htab_elem) (4193744 on x86_64)")
                        .reads(AttrField.VALUE_SIZE)
                        .check(c -> {
                            long limit = c.profile().kmallocMaxSize() - KernelProfile.MAX_BPF_STACK
                                    - c.profile().structs().htabElem();
                            return fire(!liftedKeyLimit(c) && c.v() >= limit, () -> "value_size " + c.v()
                                    + " >= " + limit + " (KMALLOC_MAX_SIZE − MAX_BPF_STACK − htab_elem): Linux "
                                    + c.profile().version() + " reserves a stack-sized key in every element "
                                    + "(the limit became key_size + value_size in "
                                    + RuleHistory.HASH_KEY_LIMIT_LIFTED + ")");
                        }),
                rule("hash.key-value-size", Stage.ALLOC_CHECK, Errno.E2BIG, CHECK, HTAB)
                        .summary("since Linux " + RuleHistory.HASH_KEY_LIMIT_LIFTED + ": key_size + value_size "
                                + "must be below KMALLOC_MAX_SIZE − sizeof(struct htab_elem) "
                                + "(4194255 at most on x86_64 with 4 KiB pages)")
                        .reads(AttrField.KEY_SIZE, AttrField.VALUE_SIZE)
                        .check(c -> {
                            long max = c.profile().kmallocMaxSize() - c.profile().structs().htabElem() - 1;
                            long sum = c.k() + c.v();
                            return fire(liftedKeyLimit(c) && sum > max, () -> "key_size " + c.k() + " + value_size " + c.v() + " = " + sum
                                    + " bytes, but a hash element (" + c.profile().structs().htabElem()
                                    + "-byte header + key + value) must fit in KMALLOC_MAX_SIZE ("
                                    + bytes(c.profile().kmallocMaxSize()) + "): key_size + value_size must be at most "
                                    + max);
                        }),
                rule("percpu-hash.value-size", Stage.ALLOC_CHECK, Errno.E2BIG, CHECK, PERCPU)
                        .summary("a per-CPU value, rounded up to 8 bytes, must fit in PCPU_MIN_UNIT_SIZE (32 KiB)")
                        .reads(AttrField.VALUE_SIZE)
                        .check(c -> {
                            long unit = c.profile().pcpuMinUnitSize();
                            return fire(roundUp8(c.v()) > unit, () -> "value_size is " + c.v() + ", but each CPU's "
                                    + "copy of a " + c.typeName() + " value (rounded up to 8 bytes) must fit in "
                                    + "PCPU_MIN_UNIT_SIZE (" + bytes(unit) + "): value_size must be at most " + unit);
                        }))).rules();
    }

    private static KernelRule.Draft t0(String id, Errno errno, Set<MapType> types) {
        return rule(id, Stage.ALLOC_CHECK, errno, CHECK, types);
    }

    static List<KernelRule> hashOfMapsCheck() {
        return List.of(
                rule("hash-of-maps.value-size", Stage.ALLOC_CHECK, Errno.EINVAL, "fd_htab_map_alloc_check",
                        EnumSet.of(MapType.HASH_OF_MAPS))
                        .summary("HASH_OF_MAPS values are inner map fds: value_size must be 4")
                        .exactly(AttrField.VALUE_SIZE, 4, c -> "but a HASH_OF_MAPS value is an inner map's fd "
                                + "(a 32-bit int)"));
    }

    static List<KernelRule> alloc() {
        return List.of(
                rule("hash.max-entries-limit", Stage.ALLOC, Errno.E2BIG, "htab_map_alloc", HTAB)
                        .summary("the bucket array (max_entries rounded up to a power of two, 16 bytes each) must "
                                + "stay below 4 GiB: max_entries is at most 2^27")
                        .reads(AttrField.MAX_ENTRIES, AttrField.MAP_FLAGS)
                        .check(c -> {
                            long m = effectiveMaxEntries(c);
                            long bucket = c.profile().structs().htabBucket();
                            long limit = MapCreateAttr.U32_MAX / bucket;
                            long maxEntries = Long.highestOneBit(limit);
                            boolean tooMany = m > (1L << 31) || CreateContext.roundUpPowerOfTwo(m) > limit;
                            String rounded = m != c.m() ? " (" + m + " after NO_COMMON_LRU rounding)" : "";
                            return fire(tooMany, () -> "max_entries is " + c.m() + rounded + ": its "
                                    + CreateContext.roundUpPowerOfTwo(m) + " hash buckets of " + bucket
                                    + " bytes would not fit in 4 GiB; max_entries must be at most " + maxEntries);
                        }));
    }

    /** Since {@link RuleHistory#HASH_KEY_LIMIT_LIFTED}, key and value share one limit instead of two. */
    static boolean liftedKeyLimit(CreateContext c) {
        return c.profile().version().atLeast(RuleHistory.HASH_KEY_LIMIT_LIFTED);
    }

    static boolean lru(CreateContext c) {
        return c.type().map(LRU::contains).orElse(false);
    }

    static boolean percpu(CreateContext c) {
        return c.type().map(PERCPU::contains).orElse(false);
    }

    /**
     * With NO_COMMON_LRU, max_entries becomes a multiple of the possible CPUs (rounded up, or down when rounding up
     * would overflow u32), so every CPU's list holds at least one element.
     */
    static long effectiveMaxEntries(CreateContext c) {
        return effectiveMaxEntries(c.m(), c.has(MapFlag.NO_COMMON_LRU), c.profile().possibleCpus());
    }

    static long effectiveMaxEntries(long m, boolean noCommonLru, int cpus) {
        if (!noCommonLru) {
            return m;
        }
        // roundup() in u32 arithmetic: m + cpus - 1 wraps first, and the kernel then rounds down instead.
        if (m + cpus - 1 > MapCreateAttr.U32_MAX) {
            return m / cpus * cpus;
        }
        return (m + cpus - 1) / cpus * cpus;
    }
}
