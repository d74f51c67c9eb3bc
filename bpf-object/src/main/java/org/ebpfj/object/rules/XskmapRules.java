package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** net/xdp/xskmap.c {@code xsk_map_alloc}. */
final class XskmapRules {
    static final Set<MapType> TYPES = EnumSet.of(MapType.XSKMAP);
    private static final String ALLOC = "xsk_map_alloc";

    private XskmapRules() {
    }

    static List<KernelRule> alloc() {
        return List.of(
                rule("xskmap.max-entries", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("max_entries must not be 0")
                        .nonZero(AttrField.MAX_ENTRIES, c -> "an XSKMAP needs at least one queue slot"),
                rule("xskmap.key-size", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("the key is the 32-bit queue index: key_size must be 4")
                        .exactly(AttrField.KEY_SIZE, 4, c -> "but an XSKMAP key is the 32-bit queue index"),
                rule("xskmap.value-size", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("the value is an AF_XDP socket fd: value_size must be 4")
                        .exactly(AttrField.VALUE_SIZE, 4, c -> "but an XSKMAP value is an AF_XDP socket fd"),
                rule("xskmap.flags", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("XSKMAP accepts only NUMA_NODE, RDONLY and WRONLY")
                        .flagsWithin(MapFlag.maskOf(MapFlag.NUMA_NODE, MapFlag.RDONLY, MapFlag.WRONLY),
                                "NUMA_NODE, RDONLY, WRONLY"));
    }
}
