package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.fire;

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

    private LocalStorageRules() {
    }

    static List<KernelRule> allocCheck() {
        RuleTable t = RuleTable.of("local-storage", Stage.ALLOC_CHECK, "bpf_local_storage_map_alloc_check", TYPES)
                .flagsWithin(MapFlag.maskOf(MapFlag.NO_PREALLOC, MapFlag.CLONE), "local storage accepts only "
                        + "NO_PREALLOC (required) and CLONE", "NO_PREALLOC (required) and CLONE");
        return t.add(t.rule("no-prealloc", Errno.EINVAL, "BPF_F_NO_PREALLOC is required: storage is allocated per "
                                + "object on demand")
                        .requires(MapFlag.NO_PREALLOC, c -> c.typeName() + " requires: its storage is allocated per "
                                + owner(c) + " when first used"))
                .exactly(AttrField.MAX_ENTRIES, 0, "max_entries must be 0: there is one value per owning object",
                        c -> "but a " + c.typeName() + " holds one value per " + owner(c))
                .exactly(AttrField.KEY_SIZE, 4, "the key is the owner's fd: key_size must be 4",
                        c -> "but a " + c.typeName() + " key is the " + owner(c) + "'s fd (an int)")
                .nonZero(AttrField.VALUE_SIZE, "a {type} value needs at least 1 byte")
                .add(t.rule("btf", Errno.EINVAL, "local storage requires BTF for its key and value")
                        .check(c -> fire(c.attr().btfKeyTypeId() == 0 || c.attr().btfValueTypeId() == 0, () ->
                                c.typeName() + " maps must describe key and value with BTF (btf_key_type_id and "
                                        + "btf_value_type_id): declare them with __type(key, int) and "
                                        + "__type(value, ...)")))
                .add(t.rule("value-size-limit", Errno.E2BIG, "value_size must be at most "
                                + "BPF_LOCAL_STORAGE_MAX_VALUE_SIZE (65407 on x86_64)")
                        .reads(AttrField.VALUE_SIZE)
                        .check(c -> {
                            long max = c.profile().localStorageMaxValueSize();
                            return fire(c.v() > max, () -> "value_size is " + c.v() + ", but a " + c.typeName()
                                    + " value must be at most BPF_LOCAL_STORAGE_MAX_VALUE_SIZE (" + max + " bytes)");
                        }))
                .rules();
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
