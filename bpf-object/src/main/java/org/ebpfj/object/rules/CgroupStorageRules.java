package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.ACCESS;
import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** kernel/bpf/local_storage.c {@code cgroup_storage_map_alloc} (the deprecated per-attachment cgroup storage). */
final class CgroupStorageRules {
    static final Set<MapType> TYPES = EnumSet.of(MapType.CGROUP_STORAGE, MapType.PERCPU_CGROUP_STORAGE);
    private static final String ALLOC = "cgroup_storage_map_alloc";

    private CgroupStorageRules() {
    }

    static List<KernelRule> alloc() {
        return List.of(
                rule("cgroup-storage.key-size", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("the key is struct bpf_cgroup_storage_key (16 bytes) or a cgroup id (8 bytes)")
                        .field(AttrField.KEY_SIZE, k -> k != 16 && k != 8, c -> ", but a " + c.typeName()
                                + " key is struct bpf_cgroup_storage_key (16 bytes) or a 64-bit cgroup id (8 bytes)"),
                rule("cgroup-storage.value-size", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("value_size must not be 0")
                        .nonZero(AttrField.VALUE_SIZE, c -> "a " + c.typeName()
                                + " value needs at least 1 byte"),
                OldKernelRules.cgroupStoragePage(),
                rule("cgroup-storage.value-size-limit", Stage.ALLOC, Errno.E2BIG, ALLOC, TYPES)
                        .summary("value_size at most BPF_LOCAL_STORAGE_MAX_VALUE_SIZE (65407), and at most "
                                + "PCPU_MIN_UNIT_SIZE (32768) for the per-CPU variant")
                        .reads(AttrField.VALUE_SIZE)
                        .check(c -> {
                            long max = maxValueSize(c);
                            return fire(c.v() > max, () -> "value_size is " + c.v() + ", but a " + c.typeName()
                                    + " value must be at most " + max + " bytes");
                        }),
                rule("cgroup-storage.flags", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("cgroup storage accepts NUMA_NODE and the access flags (not RDONLY_PROG with "
                                + "WRONLY_PROG)")
                        .flags(MapFlag.NUMA_NODE.mask() | ACCESS,
                                "NUMA_NODE, RDONLY, WRONLY, RDONLY_PROG, WRONLY_PROG"),
                rule("cgroup-storage.max-entries", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("max_entries must be 0: storage exists per attached cgroup")
                        .exactly(AttrField.MAX_ENTRIES, 0, c -> "but a " + c.typeName()
                                + " holds one value per (cgroup, attach type)"));
    }

    static long maxValueSize(CreateContext c) {
        long max = c.profile().localStorageMaxValueSize();
        return c.is(MapType.PERCPU_CGROUP_STORAGE) ? Math.min(max, c.profile().pcpuMinUnitSize()) : max;
    }
}
