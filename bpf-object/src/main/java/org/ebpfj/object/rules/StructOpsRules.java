package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.fire;

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

    private StructOpsRules() {
    }

    static List<KernelRule> allocCheck() {
        RuleTable t = RuleTable.of("struct-ops", Stage.ALLOC_CHECK, "bpf_struct_ops_map_alloc_check", TYPES)
                .exactly(AttrField.KEY_SIZE, 4, "key_size must be 4", "but a STRUCT_OPS map has the single key 0 "
                        + "(an int)")
                .exactly(AttrField.MAX_ENTRIES, 1, "max_entries must be 1", "but a STRUCT_OPS map holds exactly one "
                        + "struct")
                .flagsWithin(MapFlag.maskOf(MapFlag.LINK, MapFlag.VTYPE_BTF_OBJ_FD), "STRUCT_OPS accepts only LINK and "
                        + "VTYPE_BTF_OBJ_FD", "LINK, VTYPE_BTF_OBJ_FD");
        return t.add(t.rule("value-type", Errno.EINVAL, "btf_vmlinux_value_type_id must name the kernel's "
                                + "struct_ops value type")
                        .check(c -> fire(c.attr().btfVmlinuxValueTypeId() == 0, () ->
                                "btf_vmlinux_value_type_id is 0: a STRUCT_OPS map must name the kernel's "
                                        + "bpf_struct_ops_<name> value type (libbpf finds it in the kernel's BTF)")))
                .rules();
    }

    static List<KernelRule> alloc() {
        RuleTable t = RuleTable.of("struct-ops", Stage.ALLOC, "bpf_struct_ops_map_alloc", TYPES);
        return t.add(t.rule("module-btf", Errno.EINVAL, "BPF_F_VTYPE_BTF_OBJ_FD needs value_type_btf_obj_fd to be a "
                                + "module's BTF; the offline model has none")
                        .reads(AttrField.MAP_FLAGS)
                        .check(c -> fire(c.has(MapFlag.VTYPE_BTF_OBJ_FD), () -> "map_flags has VTYPE_BTF_OBJ_FD, but "
                                + "no module BTF fd is given: leave this flag to the loader")))
                .add(t.rule("registered", Errno.ENOTSUPP, "the value type must be a registered struct_ops type of the "
                                + "kernel")
                        .reads(AttrField.STRUCT_OPS_VALUE)
                        .check(c -> value(c).filter(v -> !v.registered()).map(v -> "the kernel has no struct_ops "
                                + "type '" + v.name() + "': the value type must be bpf_struct_ops_<name> of a "
                                + "registered struct_ops (tcp_congestion_ops, sched_ext_ops, ...)")))
                .add(t.rule("value-size", Errno.EINVAL, "value_size must equal the size of the kernel's struct_ops "
                                + "value type")
                        .reads(AttrField.VALUE_SIZE, AttrField.STRUCT_OPS_VALUE)
                        .check(c -> value(c).filter(v -> v.registered() && v.size() != c.v())
                                .map(v -> "value_size is " + c.v() + ", but the kernel's " + v.name() + " is "
                                        + v.size() + " bytes")))
                .rules();
    }

    private static Optional<StructOpsValue> value(CreateContext c) {
        return c.attr().structOpsValue();
    }
}
