package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** kernel/bpf/devmap.c {@code dev_map_alloc_check}. */
final class DevmapRules {
    static final Set<MapType> TYPES = EnumSet.of(MapType.DEVMAP, MapType.DEVMAP_HASH);
    private static final String CHECK = "dev_map_alloc_check";

    private DevmapRules() {
    }

    static List<KernelRule> allocCheck() {
        return List.of(
                rule("devmap.max-entries", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("max_entries must not be 0")
                        .nonZero(AttrField.MAX_ENTRIES, c -> "a " + c.typeName()
                                + " needs at least one device slot"),
                rule("devmap.key-size", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("key_size must be 4")
                        .exactly(AttrField.KEY_SIZE, 4, c -> "but a " + c.typeName()
                                + " key is a 32-bit " + (c.is(MapType.DEVMAP) ? "index" : "key")),
                rule("devmap.value-size", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("value_size must be 4 (ifindex) or 8 (ifindex and program fd)")
                        .field(AttrField.VALUE_SIZE, v -> v != 4 && v != 8, c -> ", but a " + c.typeName()
                                + " value is struct bpf_devmap_val: 4 bytes (ifindex) or 8 bytes (ifindex and "
                                + "program fd)"),
                rule("devmap.flags", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("device maps accept only NUMA_NODE, RDONLY and WRONLY")
                        .flagsWithin(MapFlag.maskOf(MapFlag.NUMA_NODE, MapFlag.RDONLY, MapFlag.WRONLY),
                                "NUMA_NODE, RDONLY, WRONLY (the kernel adds RDONLY_PROG itself)"),
                rule("devmap-hash.max-entries-limit", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK,
                        EnumSet.of(MapType.DEVMAP_HASH))
                        .summary("DEVMAP_HASH rounds max_entries up to a power of two: at most 2^31")
                        .field(AttrField.MAX_ENTRIES, m -> m > (1L << 31), c -> ": DEVMAP_HASH rounds it up to a "
                                + "power of two, which must not exceed 2^31"));
    }
}
