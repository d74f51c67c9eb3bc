package org.ebpfj.object.spec;

/**
 * The numbers a map definition ({@link MapSpec}) and the attribute sent for it ({@link MapCreateAttr}) share: the
 * sizes, flags, map_extra and NUMA node, as the kernel's unsigned values in longs (map_extra is 64-bit). One value,
 * so a spec's shape goes into an attribute, or from one spec into another, in one step.
 *
 * @param numaNode only read when {@code BPF_F_NUMA_NODE} is set
 */
public record MapShape(long keySize, long valueSize, long maxEntries, long flags, long mapExtra, long numaNode) {

    /** What a zeroed {@code union bpf_attr} and a definition that says nothing have. */
    public static final MapShape NONE = new MapShape(0, 0, 0, 0, 0, 0);
}
