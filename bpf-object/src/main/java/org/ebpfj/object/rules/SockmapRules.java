package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** net/core/sock_map.c {@code sock_map_alloc} and {@code sock_hash_alloc}. */
final class SockmapRules {
    static final Set<MapType> SOCKMAP = EnumSet.of(MapType.SOCKMAP);
    static final Set<MapType> SOCKHASH = EnumSet.of(MapType.SOCKHASH);
    static final Set<MapType> BOTH = EnumSet.of(MapType.SOCKMAP, MapType.SOCKHASH);
    private static final long FLAG_MASK = MapFlag.maskOf(MapFlag.NUMA_NODE, MapFlag.RDONLY, MapFlag.WRONLY);

    private SockmapRules() {
    }

    static List<KernelRule> alloc() {
        return List.of(
                rule("sockmap.max-entries", Stage.ALLOC, Errno.EINVAL, "sock_map_alloc, sock_hash_alloc", BOTH)
                        .summary("max_entries must not be 0")
                        .nonZero(AttrField.MAX_ENTRIES, c -> "a " + c.typeName()
                                + " needs room for at least one socket"),
                rule("sockmap.key-size", Stage.ALLOC, Errno.EINVAL, "sock_map_alloc", SOCKMAP)
                        .summary("the SOCKMAP key is a 32-bit index: key_size must be 4")
                        .exactly(AttrField.KEY_SIZE, 4, c -> "but a SOCKMAP key is a 32-bit index"),
                rule("sockhash.key-size", Stage.ALLOC, Errno.EINVAL, "sock_hash_alloc", SOCKHASH)
                        .summary("key_size must not be 0")
                        .nonZero(AttrField.KEY_SIZE, c -> "a SOCKHASH needs a key"),
                rule("sockmap.value-size", Stage.ALLOC, Errno.EINVAL, "sock_map_alloc, sock_hash_alloc", BOTH)
                        .summary("the value is a socket fd or cookie: value_size must be 4 or 8")
                        .field(AttrField.VALUE_SIZE, v -> v != 4 && v != 8, c -> ", but a " + c.typeName()
                                + " value is a socket fd (4 bytes) or cookie (8 bytes)"),
                rule("sockmap.flags", Stage.ALLOC, Errno.EINVAL, "sock_map_alloc, sock_hash_alloc", BOTH)
                        .summary("socket maps accept only NUMA_NODE, RDONLY and WRONLY")
                        .flagsWithin(FLAG_MASK, "NUMA_NODE, RDONLY, WRONLY"),
                rule("sockhash.key-size-limit", Stage.ALLOC, Errno.E2BIG, "sock_hash_alloc", SOCKHASH)
                        .summary("SOCKHASH keys are built on the BPF stack: key_size at most MAX_BPF_STACK (512)")
                        .field(AttrField.KEY_SIZE, k -> k > KernelProfile.MAX_BPF_STACK, c -> ", but a SOCKHASH key "
                                + "must fit on the BPF stack: key_size must be at most " + KernelProfile.MAX_BPF_STACK),
                rule("sockhash.max-entries-limit", Stage.ALLOC, Errno.EINVAL, "sock_hash_alloc", SOCKHASH)
                        .summary("the bucket array (max_entries rounded up to a power of two, 16 bytes each) must "
                                + "stay below 4 GiB: max_entries at most 2^27")
                        .reads(AttrField.MAX_ENTRIES)
                        .check(c -> {
                            long bucket = c.profile().structs().shtabBucket();
                            long limit = MapCreateAttr.U32_MAX / bucket;
                            long buckets = CreateContext.roundUpPowerOfTwo(c.m());
                            // buckets_num is a u32: 2^32 (max_entries > 2^31) truncates to 0.
                            boolean bad = buckets > MapCreateAttr.U32_MAX || buckets > limit;
                            return fire(bad, () -> "max_entries is " + c.m() + ": its " + buckets + " buckets of "
                                    + bucket + " bytes would not fit in 4 GiB; max_entries must be at most "
                                    + Long.highestOneBit(limit));
                        }));
    }
}
