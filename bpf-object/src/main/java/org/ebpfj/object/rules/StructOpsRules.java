package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.spec.StructOpsValue;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** kernel/bpf/bpf_struct_ops.c {@code bpf_struct_ops_map_alloc_check} and {@code bpf_struct_ops_map_alloc}. */
final class StructOpsRules {
    static final Set<MapType> TYPES = EnumSet.of(MapType.STRUCT_OPS);
    private static final String CHECK = "bpf_struct_ops_map_alloc_check";
    private static final String ALLOC = "bpf_struct_ops_map_alloc";

    private StructOpsRules() {
    }

    static List<KernelRule> allocCheck() {
        return List.of(
                rule("struct-ops.key-size", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("key_size must be 4")
                        .exactly(AttrField.KEY_SIZE, 4, c -> "but a STRUCT_OPS map has the single key 0 (an int)"),
                rule("struct-ops.max-entries", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("max_entries must be 1")
                        .exactly(AttrField.MAX_ENTRIES, 1, c -> "but a STRUCT_OPS map holds exactly one struct"),
                rule("struct-ops.flags", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("STRUCT_OPS accepts only LINK and VTYPE_BTF_OBJ_FD")
                        .flagsWithin(MapFlag.maskOf(MapFlag.LINK, MapFlag.VTYPE_BTF_OBJ_FD), "LINK, VTYPE_BTF_OBJ_FD"),
                rule("struct-ops.value-type", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("btf_vmlinux_value_type_id must name the kernel's struct_ops value type")
                        .check(c -> fire(c.attr().btfVmlinuxValueTypeId() == 0, () ->
                                "btf_vmlinux_value_type_id is 0: a STRUCT_OPS map must name the kernel's "
                                        + "bpf_struct_ops_<name> value type (libbpf finds it in the kernel's BTF)")));
    }

    static List<KernelRule> alloc() {
        return List.of(
                rule("struct-ops.module-btf", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("BPF_F_VTYPE_BTF_OBJ_FD needs value_type_btf_obj_fd to be a module's BTF; the "
                                + "offline model has none")
                        .reads(AttrField.MAP_FLAGS)
                        .check(c -> fire(c.has(MapFlag.VTYPE_BTF_OBJ_FD), () -> "map_flags has VTYPE_BTF_OBJ_FD, but no "
                                + "module BTF fd is given: leave this flag to the loader")),
                rule("struct-ops.registered", Stage.ALLOC, Errno.ENOTSUPP, ALLOC, TYPES)
                        .summary("the value type must be a registered struct_ops type of the kernel")
                        .reads(AttrField.STRUCT_OPS_VALUE)
                        .check(c -> value(c).filter(v -> !v.registered()).map(v -> "the kernel has no struct_ops "
                                + "type '" + v.name() + "': the value type must be bpf_struct_ops_<name> of a "
                                + "registered struct_ops (tcp_congestion_ops, sched_ext_ops, ...)")),
                rule("struct-ops.value-size", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("value_size must equal the size of the kernel's struct_ops value type")
                        .reads(AttrField.VALUE_SIZE, AttrField.STRUCT_OPS_VALUE)
                        .check(c -> value(c).filter(v -> v.registered() && v.size() != c.v())
                                .map(v -> "value_size is " + c.v() + ", but the kernel's " + v.name() + " is "
                                        + v.size() + " bytes")));
    }

    private static Optional<StructOpsValue> value(CreateContext c) {
        return c.attr().structOpsValue();
    }
}
