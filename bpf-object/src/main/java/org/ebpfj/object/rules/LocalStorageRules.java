package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** kernel/bpf/bpf_local_storage.c {@code bpf_local_storage_map_alloc_check}: socket, inode, task, cgroup storage. */
final class LocalStorageRules {
    static final Set<MapType> TYPES = EnumSet.of(MapType.SK_STORAGE, MapType.INODE_STORAGE, MapType.TASK_STORAGE,
            MapType.CGRP_STORAGE);
    private static final String CHECK = "bpf_local_storage_map_alloc_check";

    private LocalStorageRules() {
    }

    static List<KernelRule> allocCheck() {
        return List.of(
                rule("local-storage.flags", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("local storage accepts only NO_PREALLOC (required) and CLONE")
                        .flagsWithin(MapFlag.maskOf(MapFlag.NO_PREALLOC, MapFlag.CLONE),
                                "NO_PREALLOC (required) and CLONE"),
                rule("local-storage.no-prealloc", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("BPF_F_NO_PREALLOC is required: storage is allocated per object on demand")
                        .requires(MapFlag.NO_PREALLOC, c -> c.typeName() + " requires: its storage is allocated per "
                                + owner(c) + " when first used"),
                rule("local-storage.max-entries", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("max_entries must be 0: there is one value per owning object")
                        .exactly(AttrField.MAX_ENTRIES, 0, c -> "but a " + c.typeName() + " holds one value per "
                                + owner(c)),
                rule("local-storage.key-size", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("the key is the owner's fd: key_size must be 4")
                        .exactly(AttrField.KEY_SIZE, 4, c -> "but a " + c.typeName() + " key is the " + owner(c)
                                + "'s fd (an int)"),
                rule("local-storage.value-size", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("value_size must not be 0")
                        .nonZero(AttrField.VALUE_SIZE, c -> "a " + c.typeName()
                                + " value needs at least 1 byte"),
                rule("local-storage.btf", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("local storage requires BTF for its key and value")
                        .check(c -> fire(c.attr().btfKeyTypeId() == 0 || c.attr().btfValueTypeId() == 0, () ->
                                c.typeName() + " maps must describe key and value with BTF (btf_key_type_id and "
                                        + "btf_value_type_id): declare them with __type(key, int) and "
                                        + "__type(value, ...)")),
                rule("local-storage.value-size-limit", Stage.ALLOC_CHECK, Errno.E2BIG, CHECK, TYPES)
                        .summary("value_size must be at most BPF_LOCAL_STORAGE_MAX_VALUE_SIZE (65407 on x86_64)")
                        .reads(AttrField.VALUE_SIZE)
                        .check(c -> {
                            long max = c.profile().localStorageMaxValueSize();
                            return fire(c.v() > max, () -> "value_size is " + c.v() + ", but a " + c.typeName()
                                    + " value must be at most BPF_LOCAL_STORAGE_MAX_VALUE_SIZE (" + max + " bytes)");
                        }));
    }

    private static String owner(CreateContext c) {
        if (c.is(MapType.SK_STORAGE)) {
            return "socket";
        }
        if (c.is(MapType.INODE_STORAGE)) {
            return "inode";
        }
        return c.is(MapType.TASK_STORAGE) ? "task" : "cgroup";
    }
}
