package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.AttrField.KEY_SIZE;
import static org.ebpfj.object.rules.AttrField.MAX_ENTRIES;
import static org.ebpfj.object.rules.AttrField.VALUE_SIZE;
import static org.ebpfj.object.rules.CreateContext.ACCESS;
import static org.ebpfj.object.rules.CreateContext.bytes;
import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.CreateContext.isPowerOfTwo;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * The parameter checks of the map types whose {@code map_alloc_check} or {@code map_alloc} is a short list, one
 * table per kernel function: queue_stack_maps.c, devmap.c, cpumap.c, xskmap.c, sock_map.c, ringbuf.c,
 * bloom_filter.c, stackmap.c and local_storage.c (cgroup storage). Each table is in the kernel's order.
 */
final class TypeTables {
    static final Set<MapType> QUEUE_STACK = EnumSet.of(MapType.QUEUE, MapType.STACK);
    static final Set<MapType> DEVMAPS = EnumSet.of(MapType.DEVMAP, MapType.DEVMAP_HASH);
    static final Set<MapType> RINGBUFS = EnumSet.of(MapType.RINGBUF, MapType.USER_RINGBUF);
    static final Set<MapType> CGROUP_STORAGE = EnumSet.of(MapType.CGROUP_STORAGE, MapType.PERCPU_CGROUP_STORAGE);
    private static final Set<MapType> SOCKMAP = EnumSet.of(MapType.SOCKMAP);
    private static final Set<MapType> SOCKHASH = EnumSet.of(MapType.SOCKHASH);
    private static final Set<MapType> BLOOM = EnumSet.of(MapType.BLOOM_FILTER);
    private static final long NUMA_RDONLY_WRONLY = MapFlag.maskOf(MapFlag.NUMA_NODE, MapFlag.RDONLY, MapFlag.WRONLY);

    private TypeTables() {
    }

    /** {@code queue_stack_map_alloc_check}. */
    static List<KernelRule> queueStackCheck() {
        RuleTable t = RuleTable.of("queue-stack", Stage.ALLOC_CHECK, "queue_stack_map_alloc_check", QUEUE_STACK)
                .nonZero(MAX_ENTRIES, "a {type} needs room for at least one value")
                .exactly(KEY_SIZE, 0, "QUEUE and STACK have no key: key_size must be 0",
                        "but a {type} has no key (values are pushed and popped)")
                .nonZero(VALUE_SIZE, "a {type} value needs at least 1 byte")
                .flags(MapFlag.NUMA_NODE.mask() | ACCESS, "QUEUE and STACK accept NUMA_NODE and the access flags (not "
                        + "RDONLY_PROG with WRONLY_PROG)", "NUMA_NODE, RDONLY, WRONLY, RDONLY_PROG, WRONLY_PROG");
        return t.add(t.rule("value-size-limit", Errno.E2BIG, "value_size must be at most KMALLOC_MAX_SIZE (4 MiB "
                        + "on x86_64)")
                        .reads(VALUE_SIZE)
                        .check(c -> fire(c.v() > c.profile().kmallocMaxSize(), () -> "value_size is " + c.v()
                                + ", but user space copies " + c.typeName() + " values through one kmalloc buffer: "
                                + "value_size must be at most KMALLOC_MAX_SIZE ("
                                + bytes(c.profile().kmallocMaxSize()) + ")")))
                .add(t.rule("total-size", Errno.E2BIG, "Linux 6.12 from " + RuleHistory.QUEUE_STACK_SIZE_CHECKED
                                + " (measured): (max_entries + 1) × value_size must be at most U32_MAX")
                        .reads(VALUE_SIZE, MAX_ENTRIES)
                        .check(c -> fire(RuleHistory.checksQueueStackSize(c.profile().version()) && c.v() != 0
                                && c.m() + 1 > MapCreateAttr.U32_MAX / c.v(), () -> "(max_entries + 1) × value_size "
                                + "is " + (c.m() + 1) + " × " + c.v() + " bytes, more than U32_MAX: Linux "
                                + c.profile().version() + " refuses a " + c.typeName() + " that large before "
                                + "allocating it (other kernels try, and answer ENOMEM when memory is short)")))
                .rules();
    }

    /** {@code dev_map_alloc_check}. */
    static List<KernelRule> devmapCheck() {
        return RuleTable.of("devmap", Stage.ALLOC_CHECK, "dev_map_alloc_check", DEVMAPS)
                .nonZero(MAX_ENTRIES, "a {type} needs at least one device slot")
                .exactly(KEY_SIZE, 4, "key_size must be 4", c -> "but a " + c.typeName() + " key is a 32-bit "
                        + (c.is(MapType.DEVMAP) ? "index" : "key"))
                .either(VALUE_SIZE, 4, 8, "value_size must be 4 (ifindex) or 8 (ifindex and program fd)",
                        ", but a {type} value is struct bpf_devmap_val: 4 bytes (ifindex) or 8 bytes (ifindex and "
                                + "program fd)")
                .flagsWithin(NUMA_RDONLY_WRONLY, "device maps accept only NUMA_NODE, RDONLY and WRONLY",
                        "NUMA_NODE, RDONLY, WRONLY (the kernel adds RDONLY_PROG itself)")
                .add(KernelRule.rule("devmap-hash.max-entries-limit", Stage.ALLOC_CHECK, Errno.EINVAL,
                                "dev_map_alloc_check", EnumSet.of(MapType.DEVMAP_HASH))
                        .summary("DEVMAP_HASH rounds max_entries up to a power of two: at most 2^31")
                        .field(MAX_ENTRIES, m -> m > (1L << 31), c -> ": DEVMAP_HASH rounds it up to a power of "
                                + "two, which must not exceed 2^31"))
                .rules();
    }

    /** {@code cpu_map_alloc}. */
    static List<KernelRule> cpumapAlloc() {
        RuleTable t = RuleTable.of("cpumap", Stage.ALLOC, "cpu_map_alloc", EnumSet.of(MapType.CPUMAP))
                .nonZero(MAX_ENTRIES, "a CPUMAP needs at least one CPU slot")
                .exactly(KEY_SIZE, 4, "the key is the 32-bit CPU number: key_size must be 4",
                        "but a CPUMAP key is the 32-bit CPU number")
                .either(VALUE_SIZE, 4, 8, "value_size must be 4 (queue size) or 8 (queue size and program fd)",
                        ", but a CPUMAP value is struct bpf_cpumap_val: 4 bytes (queue size) or 8 bytes (queue size "
                                + "and program fd)")
                .flagsWithin(MapFlag.NUMA_NODE.mask(), "CPUMAP accepts only NUMA_NODE (not even RDONLY/WRONLY)",
                        "only NUMA_NODE");
        return t.add(t.rule("max-entries-limit", Errno.E2BIG, "max_entries must be at most NR_CPUS of the target "
                        + "kernel")
                        .reads(MAX_ENTRIES)
                        .check(c -> fire(c.m() > c.profile().nrCpus(), () -> "max_entries is " + c.m()
                                + ", but a CPUMAP has one slot per CPU and the target kernel is built for NR_CPUS = "
                                + c.profile().nrCpus())))
                .rules();
    }

    /** {@code xsk_map_alloc}. */
    static List<KernelRule> xskmapAlloc() {
        return RuleTable.of("xskmap", Stage.ALLOC, "xsk_map_alloc", EnumSet.of(MapType.XSKMAP))
                .nonZero(MAX_ENTRIES, "an XSKMAP needs at least one queue slot")
                .exactly(KEY_SIZE, 4, "the key is the 32-bit queue index: key_size must be 4",
                        "but an XSKMAP key is the 32-bit queue index")
                .exactly(VALUE_SIZE, 4, "the value is an AF_XDP socket fd: value_size must be 4",
                        "but an XSKMAP value is an AF_XDP socket fd")
                .flagsWithin(NUMA_RDONLY_WRONLY, "XSKMAP accepts only NUMA_NODE, RDONLY and WRONLY",
                        "NUMA_NODE, RDONLY, WRONLY")
                .rules();
    }

    /** {@code sock_map_alloc} and {@code sock_hash_alloc}: one table, as they check in the same order. */
    static List<KernelRule> sockmapAlloc() {
        RuleTable both = RuleTable.of("sockmap", Stage.ALLOC, "sock_map_alloc, sock_hash_alloc",
                EnumSet.of(MapType.SOCKMAP, MapType.SOCKHASH));
        RuleTable map = RuleTable.of("sockmap", Stage.ALLOC, "sock_map_alloc", SOCKMAP);
        RuleTable hash = RuleTable.of("sockhash", Stage.ALLOC, "sock_hash_alloc", SOCKHASH);
        return both.nonZero(MAX_ENTRIES, "a {type} needs room for at least one socket")
                .add(map.rule("key-size", Errno.EINVAL, "the SOCKMAP key is a 32-bit index: key_size must be 4")
                        .exactly(KEY_SIZE, 4, c -> "but a SOCKMAP key is a 32-bit index"))
                .add(hash.rule("key-size", Errno.EINVAL, "key_size must not be 0")
                        .nonZero(KEY_SIZE, c -> "a SOCKHASH needs a key"))
                .either(VALUE_SIZE, 4, 8, "the value is a socket fd or cookie: value_size must be 4 or 8",
                        ", but a {type} value is a socket fd (4 bytes) or cookie (8 bytes)")
                .flagsWithin(NUMA_RDONLY_WRONLY, "socket maps accept only NUMA_NODE, RDONLY and WRONLY",
                        "NUMA_NODE, RDONLY, WRONLY")
                .add(hash.rule("key-size-limit", Errno.E2BIG, "SOCKHASH keys are built on the BPF stack: key_size at "
                                + "most MAX_BPF_STACK (512)")
                        .field(KEY_SIZE, k -> k > KernelProfile.MAX_BPF_STACK, c -> ", but a SOCKHASH key must fit "
                                + "on the BPF stack: key_size must be at most " + KernelProfile.MAX_BPF_STACK))
                .add(hash.rule("max-entries-limit", Errno.EINVAL, "the bucket array (max_entries rounded up to a "
                                + "power of two, 16 bytes each) must stay below 4 GiB: max_entries at most 2^27")
                        .reads(MAX_ENTRIES)
                        .check(c -> {
                            long bucket = c.profile().structs().shtabBucket();
                            long limit = MapCreateAttr.U32_MAX / bucket;
                            long buckets = CreateContext.roundUpPowerOfTwo(c.m());
                            // buckets_num is a u32: 2^32 (max_entries > 2^31) truncates to 0.
                            boolean bad = buckets > MapCreateAttr.U32_MAX || buckets > limit;
                            return fire(bad, () -> "max_entries is " + c.m() + ": its " + buckets + " buckets of "
                                    + bucket + " bytes would not fit in 4 GiB; max_entries must be at most "
                                    + Long.highestOneBit(limit));
                        }))
                .rules();
    }

    /** {@code ringbuf_map_alloc}. */
    static List<KernelRule> ringbufAlloc() {
        RuleTable t = RuleTable.of("ringbuf", Stage.ALLOC, "ringbuf_map_alloc", RINGBUFS)
                .flagsWithin(MapFlag.NUMA_NODE.mask(), "ring buffers accept only NUMA_NODE (not even RDONLY/WRONLY)",
                        "only NUMA_NODE")
                .noKeyOrValue("ring buffers have no key or value: key_size and value_size must be 0",
                        "but a {type} has neither (records are variable-sized)");
        return t.add(t.rule("size", Errno.EINVAL, "max_entries is the buffer size in bytes: a power of two and a "
                        + "multiple of the page size")
                        .reads(MAX_ENTRIES)
                        .check(c -> {
                            long page = c.profile().pageSize();
                            boolean ok = isPowerOfTwo(c.m()) && c.m() % page == 0;
                            return fire(!ok, () -> "max_entries is " + c.m() + ", but for a " + c.typeName()
                                    + " it is the buffer size in bytes and must be a power of two and a multiple "
                                    + "of the page size (" + page + "): e.g. " + ringbufSuggestion(c.m(), page));
                        }))
                .rules();
    }

    private static long ringbufSuggestion(long m, long page) {
        long s = page;
        while (s < m && s < (1L << 31)) {
            s <<= 1;
        }
        return s;
    }

    /** {@code bloom_map_alloc_check}: only the value size, before the other bloom filter rules. */
    static List<KernelRule> bloomCheck() {
        RuleTable t = RuleTable.of("bloom", Stage.ALLOC_CHECK, "bloom_map_alloc_check", BLOOM);
        return t.add(t.rule("value-size-limit", Errno.E2BIG, "value_size must be at most KMALLOC_MAX_SIZE (4 MiB on "
                        + "x86_64); checked before the other bloom filter rules")
                        .reads(VALUE_SIZE)
                        .check(c -> fire(c.v() > c.profile().kmallocMaxSize(), () -> "value_size is " + c.v()
                                + ": a BLOOM_FILTER value must be at most KMALLOC_MAX_SIZE ("
                                + bytes(c.profile().kmallocMaxSize()) + ")")))
                .rules();
    }

    /** {@code bloom_map_alloc}. */
    static List<KernelRule> bloomAlloc() {
        RuleTable t = RuleTable.of("bloom", Stage.ALLOC, "bloom_map_alloc", BLOOM)
                .exactly(KEY_SIZE, 0, "a bloom filter has no key: key_size must be 0",
                        "but a BLOOM_FILTER has no key (values are pushed and peeked)")
                .nonZero(VALUE_SIZE, "a BLOOM_FILTER hashes values of at least 1 byte")
                .nonZero(MAX_ENTRIES, "max_entries (expected number of values) must not be 0",
                        "a BLOOM_FILTER sizes its bit array from the expected number of values")
                .flags(MapFlag.maskOf(MapFlag.NUMA_NODE, MapFlag.ZERO_SEED) | ACCESS, "bloom filters accept "
                                + "NUMA_NODE, ZERO_SEED and the access flags (not RDONLY_PROG with WRONLY_PROG)",
                        "NUMA_NODE, ZERO_SEED, RDONLY, WRONLY, RDONLY_PROG, WRONLY_PROG");
        return t.add(t.rule("hash-functions", Errno.EINVAL, "map_extra is the number of hash functions: only its low "
                        + "4 bits may be set")
                        .check(c -> fire((c.attr().mapExtra() & ~0xFL) != 0, () -> "map_extra is 0x"
                                + Long.toHexString(c.attr().mapExtra()) + ", but for a BLOOM_FILTER it is the number "
                                + "of hash functions (0..15, 0 meaning 5): only the low 4 bits may be set")))
                .rules();
    }

    /** {@code stack_map_alloc}. */
    static List<KernelRule> stackTraceAlloc() {
        RuleTable t = RuleTable.of("stack-trace", Stage.ALLOC, "stack_map_alloc", EnumSet.of(MapType.STACK_TRACE))
                .flagsWithin(MapFlag.maskOf(MapFlag.NUMA_NODE, MapFlag.RDONLY, MapFlag.WRONLY, MapFlag.STACK_BUILD_ID),
                        "STACK_TRACE accepts NUMA_NODE, RDONLY, WRONLY and STACK_BUILD_ID",
                        "NUMA_NODE, RDONLY, WRONLY, STACK_BUILD_ID")
                .nonZero(MAX_ENTRIES, "a STACK_TRACE map needs room for at least one stack")
                .exactly(KEY_SIZE, 4, "the key is the 32-bit stack id: key_size must be 4",
                        "but a STACK_TRACE key is the 32-bit stack id");
        return t.add(t.rule("value-size", Errno.EINVAL, "the value is an array of 8-byte frames: value_size a "
                        + "non-zero multiple of 8")
                        .field(VALUE_SIZE, v -> v < 8 || v % 8 != 0, c -> ", but a STACK_TRACE value is an array "
                                + "of 8-byte addresses: value_size must be a non-zero multiple of 8"))
                .add(t.rule("depth", Errno.EINVAL, "value_size / frame size must not exceed "
                                + "kernel.perf_event_max_stack (127 frames by default); build-id frames are 32 bytes")
                        .reads(VALUE_SIZE, AttrField.MAP_FLAGS)
                        .check(TypeTables::stackDepth))
                .add(t.rule("max-entries-limit", Errno.E2BIG, "max_entries must be at most 2^31 (it is rounded up "
                                + "to a power of two)")
                        .field(MAX_ENTRIES, m -> m > (1L << 31), c -> ": STACK_TRACE rounds it up to a power of two, "
                                + "which must not exceed 2^31"))
                .rules();
    }

    private static Optional<String> stackDepth(CreateContext c) {
        long maxStack = c.profile().perfEventMaxStack();
        if (c.has(MapFlag.STACK_BUILD_ID)) {
            long frame = c.profile().structs().stackBuildId();
            if (c.v() % frame != 0) {
                return Optional.of("value_size is " + c.v() + ", but with STACK_BUILD_ID a value is an array of "
                        + frame + "-byte struct bpf_stack_build_id: value_size must be a multiple of " + frame);
            }
            return fire(c.v() / frame > maxStack, () -> "value_size is " + c.v() + ": " + c.v() / frame
                    + " build-id frames, more than kernel.perf_event_max_stack (" + maxStack + "): value_size must "
                    + "be at most " + maxStack * frame);
        }
        return fire(c.v() / 8 > maxStack, () -> "value_size is " + c.v() + ": " + c.v() / 8 + " frames, more than "
                + "kernel.perf_event_max_stack (" + maxStack + "): value_size must be at most " + maxStack * 8);
    }

    /** {@code cgroup_storage_map_alloc}. */
    static List<KernelRule> cgroupStorageAlloc() {
        RuleTable t = RuleTable.of("cgroup-storage", Stage.ALLOC, "cgroup_storage_map_alloc", CGROUP_STORAGE);
        return t.add(t.rule("key-size", Errno.EINVAL, "the key is struct bpf_cgroup_storage_key (16 bytes) or a "
                                + "cgroup id (8 bytes)")
                        .field(KEY_SIZE, k -> k != 16 && k != 8, c -> ", but a " + c.typeName() + " key is struct "
                                + "bpf_cgroup_storage_key (16 bytes) or a 64-bit cgroup id (8 bytes)"))
                .nonZero(VALUE_SIZE, "a {type} value needs at least 1 byte")
                .add(OldKernelRules.cgroupStoragePage())
                .add(t.rule("value-size-limit", Errno.E2BIG, "value_size at most BPF_LOCAL_STORAGE_MAX_VALUE_SIZE "
                                + "(65407), and at most PCPU_MIN_UNIT_SIZE (32768) for the per-CPU variant")
                        .reads(VALUE_SIZE)
                        .check(c -> {
                            long max = cgroupStorageMaxValue(c);
                            return fire(c.v() > max, () -> "value_size is " + c.v() + ", but a " + c.typeName()
                                    + " value must be at most " + max + " bytes");
                        }))
                .flags(MapFlag.NUMA_NODE.mask() | ACCESS, "cgroup storage accepts NUMA_NODE and the access flags (not "
                        + "RDONLY_PROG with WRONLY_PROG)", "NUMA_NODE, RDONLY, WRONLY, RDONLY_PROG, WRONLY_PROG")
                .exactly(MAX_ENTRIES, 0, "max_entries must be 0: storage exists per attached cgroup",
                        "but a {type} holds one value per (cgroup, attach type)")
                .rules();
    }

    private static long cgroupStorageMaxValue(CreateContext c) {
        long max = c.profile().localStorageMaxValueSize();
        return c.is(MapType.PERCPU_CGROUP_STORAGE) ? Math.min(max, c.profile().pcpuMinUnitSize()) : max;
    }
}
