package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.ACCESS;
import static org.ebpfj.object.rules.CreateContext.bytes;
import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** kernel/bpf/bloom_filter.c {@code bloom_map_alloc_check} and {@code bloom_map_alloc}. */
final class BloomFilterRules {
    static final Set<MapType> TYPES = EnumSet.of(MapType.BLOOM_FILTER);
    private static final String ALLOC = "bloom_map_alloc";

    private BloomFilterRules() {
    }

    static List<KernelRule> allocCheck() {
        return List.of(
                rule("bloom.value-size-limit", Stage.ALLOC_CHECK, Errno.E2BIG, "bloom_map_alloc_check", TYPES)
                        .summary("value_size must be at most KMALLOC_MAX_SIZE (4 MiB on x86_64); checked before the "
                                + "other bloom filter rules")
                        .reads(AttrField.VALUE_SIZE)
                        .check(c -> fire(c.v() > c.profile().kmallocMaxSize(), () -> "value_size is " + c.v()
                                + ": a BLOOM_FILTER value must be at most KMALLOC_MAX_SIZE ("
                                + bytes(c.profile().kmallocMaxSize()) + ")")));
    }

    static List<KernelRule> alloc() {
        return List.of(
                rule("bloom.key-size", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("a bloom filter has no key: key_size must be 0")
                        .exactly(AttrField.KEY_SIZE, 0, c -> "but a BLOOM_FILTER has no key (values are pushed "
                                + "and peeked)"),
                rule("bloom.value-size", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("value_size must not be 0")
                        .nonZero(AttrField.VALUE_SIZE, c -> "a BLOOM_FILTER hashes values of at least "
                                + "1 byte"),
                rule("bloom.max-entries", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("max_entries (expected number of values) must not be 0")
                        .nonZero(AttrField.MAX_ENTRIES, c -> "a BLOOM_FILTER sizes its bit array "
                                + "from the expected number of values"),
                rule("bloom.flags", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("bloom filters accept NUMA_NODE, ZERO_SEED and the access flags (not RDONLY_PROG "
                                + "with WRONLY_PROG)")
                        .flags(
                                MapFlag.maskOf(MapFlag.NUMA_NODE, MapFlag.ZERO_SEED) | ACCESS,
                                "NUMA_NODE, ZERO_SEED, RDONLY, WRONLY, RDONLY_PROG, WRONLY_PROG"),
                rule("bloom.hash-functions", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("map_extra is the number of hash functions: only its low 4 bits may be set")
                        .check(c -> fire((c.attr().mapExtra() & ~0xFL) != 0, () -> "map_extra is 0x"
                                + Long.toHexString(c.attr().mapExtra()) + ", but for a BLOOM_FILTER it is the number "
                                + "of hash functions (0..15, 0 meaning 5): only the low 4 bits may be set")));
    }
}
