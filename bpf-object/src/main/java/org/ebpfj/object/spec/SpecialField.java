package org.ebpfj.object.spec;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.uapi.MapType;

/**
 * The special fields the kernel looks for in a map value's BTF ({@code btf_parse_fields}), and the map types that
 * may hold each one ({@code map_check_btf} in kernel/bpf/syscall.c; any other type answers EOPNOTSUPP).
 */
public enum SpecialField {
    SPIN_LOCK("struct bpf_spin_lock", true, "bpf_spin_lock", SpinLockTypes.get()),
    RES_SPIN_LOCK("struct bpf_res_spin_lock", true, "bpf_res_spin_lock", SpinLockTypes.get()),
    TIMER("struct bpf_timer", true, "bpf_timer", EnumSet.of(MapType.HASH, MapType.LRU_HASH, MapType.ARRAY)),
    WORKQUEUE("struct bpf_wq", true, "bpf_wq", EnumSet.of(MapType.HASH, MapType.LRU_HASH, MapType.ARRAY)),
    TASK_WORK("struct bpf_task_work", true, "bpf_task_work",
            EnumSet.of(MapType.HASH, MapType.LRU_HASH, MapType.ARRAY)),
    KPTR("a __kptr pointer", false, null, KptrTypes.get()),
    REFCOUNT("struct bpf_refcount", true, "bpf_refcount", KptrTypes.get()),
    UPTR("a __uptr pointer", false, null, EnumSet.of(MapType.TASK_STORAGE)),
    LIST_HEAD("struct bpf_list_head", false, "bpf_list_head",
            EnumSet.of(MapType.HASH, MapType.LRU_HASH, MapType.ARRAY)),
    RB_ROOT("struct bpf_rb_root", false, "bpf_rb_root", EnumSet.of(MapType.HASH, MapType.LRU_HASH, MapType.ARRAY));

    /** {@code values()} copies its array on each call; struct names are looked up for every struct scanned. */
    private static final SpecialField[] ALL = values();

    private final String description;
    private final boolean unique;
    private final String structName;
    private final Set<MapType> allowedIn;

    SpecialField(String description, boolean unique, String structName, Set<MapType> allowedIn) {
        this.description = description;
        this.unique = unique;
        this.structName = structName;
        this.allowedIn = Set.copyOf(allowedIn);
    }

    /** How a message names it, e.g. {@code struct bpf_spin_lock}. */
    public String description() {
        return description;
    }

    /** At most one per value: a second one makes the kernel answer E2BIG. */
    public boolean unique() {
        return unique;
    }

    public Set<MapType> allowedIn() {
        return allowedIn;
    }

    public boolean allowedIn(MapType type) {
        return allowedIn.contains(type);
    }

    static Optional<SpecialField> byStructName(String name) {
        for (SpecialField f : ALL) {
            if (name.equals(f.structName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Pointer type tags: {@code kptr}, {@code kptr_untrusted}, {@code percpu_kptr}, {@code uptr}. */
    static Optional<SpecialField> byPointerTag(String tag) {
        switch (tag) {
            case "kptr":
            case "kptr_untrusted":
            case "percpu_kptr":
                return Optional.of(KPTR);
            case "uptr":
                return Optional.of(UPTR);
            default:
                return Optional.empty();
        }
    }

    // Enum constants cannot refer to each other's sets in their constructors, so shared sets live here.
    private static final class SpinLockTypes {
        static Set<MapType> get() {
            return EnumSet.of(MapType.HASH, MapType.ARRAY, MapType.CGROUP_STORAGE, MapType.SK_STORAGE,
                    MapType.INODE_STORAGE, MapType.TASK_STORAGE, MapType.CGRP_STORAGE);
        }
    }

    private static final class KptrTypes {
        static Set<MapType> get() {
            return EnumSet.of(MapType.HASH, MapType.PERCPU_HASH, MapType.LRU_HASH, MapType.LRU_PERCPU_HASH,
                    MapType.ARRAY, MapType.PERCPU_ARRAY, MapType.SK_STORAGE, MapType.INODE_STORAGE,
                    MapType.TASK_STORAGE, MapType.CGRP_STORAGE);
        }
    }
}
