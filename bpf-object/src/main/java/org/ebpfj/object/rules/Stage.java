package org.ebpfj.object.rules;

/**
 * Where a check happens on the way to a map, in the order a libbpf-based loader and then the kernel apply them.
 * Within the kernel the stages follow {@code map_create()} in kernel/bpf/syscall.c.
 */
public enum Stage {
    /** What libbpf refuses or changes before it calls the kernel. */
    LOADER("libbpf, before BPF_MAP_CREATE"),
    /** Checks of {@code map_create()} that do not depend on the map type's ops. */
    GENERIC("map_create(): generic checks"),
    /** The type's {@code map_alloc_check} op. */
    ALLOC_CHECK("the type's map_alloc_check"),
    /** Token and capability checks between alloc_check and alloc (root passes all capability checks). */
    PERMISSION("map_create(): token and capabilities"),
    /** The type's {@code map_alloc} op: its own parameter checks, then the allocations. */
    ALLOC("the type's map_alloc"),
    /** The allocations themselves. */
    MEMORY("the type's map_alloc: allocations"),
    /** {@code bpf_obj_name_cpy} of the map name. */
    NAME("map_create(): map name"),
    /** {@code map_check_btf}, only when BTF type ids are given. */
    BTF("map_check_btf()"),
    /** Not refusals: what the map will do once created (capacity, memory). */
    ADVICE("advice, after a successful create");

    private final String description;

    Stage(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
