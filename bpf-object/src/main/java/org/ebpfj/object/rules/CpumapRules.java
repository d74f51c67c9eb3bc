package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** kernel/bpf/cpumap.c {@code cpu_map_alloc}. */
final class CpumapRules {
    static final Set<MapType> TYPES = EnumSet.of(MapType.CPUMAP);
    private static final String ALLOC = "cpu_map_alloc";

    private CpumapRules() {
    }

    static List<KernelRule> alloc() {
        return List.of(
                rule("cpumap.max-entries", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("max_entries must not be 0")
                        .nonZero(AttrField.MAX_ENTRIES, c -> "a CPUMAP needs at least one CPU slot"),
                rule("cpumap.key-size", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("the key is the 32-bit CPU number: key_size must be 4")
                        .exactly(AttrField.KEY_SIZE, 4, c -> "but a CPUMAP key is the 32-bit CPU number"),
                rule("cpumap.value-size", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("value_size must be 4 (queue size) or 8 (queue size and program fd)")
                        .field(AttrField.VALUE_SIZE, v -> v != 4 && v != 8, c -> ", but a CPUMAP value is struct "
                                + "bpf_cpumap_val: 4 bytes (queue size) or 8 bytes (queue size and program fd)"),
                rule("cpumap.flags", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("CPUMAP accepts only NUMA_NODE (not even RDONLY/WRONLY)")
                        .flagsWithin(MapFlag.NUMA_NODE.mask(), "only NUMA_NODE"),
                rule("cpumap.max-entries-limit", Stage.ALLOC, Errno.E2BIG, ALLOC, TYPES)
                        .summary("max_entries must be at most NR_CPUS of the target kernel")
                        .reads(AttrField.MAX_ENTRIES)
                        .check(c -> fire(c.m() > c.profile().nrCpus(), () -> "max_entries is " + c.m()
                                + ", but a CPUMAP has one slot per CPU and the target kernel is built for NR_CPUS = "
                                + c.profile().nrCpus())));
    }
}
