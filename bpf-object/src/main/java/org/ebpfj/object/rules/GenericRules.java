package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.machine.UapiHistory;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** The checks {@code map_create()} (kernel/bpf/syscall.c) makes for every map type. */
final class GenericRules {
    private static final String MAP_CREATE = "map_create";

    private GenericRules() {
    }

    /** Before the type's own checks, in kernel order. */
    static List<KernelRule> beforeType() {
        return List.of(
                rule("generic.btf-vmlinux-value", Stage.GENERIC, Errno.EINVAL, MAP_CREATE, Set.of())
                        .summary("btf_vmlinux_value_type_id is only for STRUCT_OPS maps, which must not also give "
                                + "btf_key_type_id or btf_value_type_id")
                        .passesWhenZero(ZeroGuard.BTF_VMLINUX_VALUE)
                        .check(c -> {
                            MapCreateAttr a = c.attr();
                            if (a.btfVmlinuxValueTypeId() == 0) {
                                return Optional.empty();
                            }
                            if (!c.is(MapType.STRUCT_OPS)) {
                                return Optional.of("btf_vmlinux_value_type_id is " + a.btfVmlinuxValueTypeId()
                                        + ", but only STRUCT_OPS maps take a kernel value type");
                            }
                            return fire(a.btfKeyTypeId() != 0 || a.btfValueTypeId() != 0, () ->
                                    "a STRUCT_OPS map names its value type with btf_vmlinux_value_type_id only: "
                                            + "btf_key_type_id and btf_value_type_id must be 0");
                        }),
                rule("generic.btf-key-without-value", Stage.GENERIC, Errno.EINVAL, MAP_CREATE, Set.of())
                        .summary("a BTF key type needs a BTF value type")
                        .passesWhenZero(ZeroGuard.BTF_KEY)
                        .check(c -> fire(c.attr().btfVmlinuxValueTypeId() == 0 && c.attr().btfKeyTypeId() != 0
                                        && c.attr().btfValueTypeId() == 0, () ->
                                "btf_key_type_id is " + c.attr().btfKeyTypeId()
                                        + " but btf_value_type_id is 0: BTF must describe the value too")),
                rule("generic.map-extra", Stage.GENERIC, Errno.EINVAL, MAP_CREATE, Set.of())
                        .summary("map_extra is only for BLOOM_FILTER (hash count) and ARENA (user address)")
                        .passesWhenZero(ZeroGuard.MAP_EXTRA)
                        .check(c -> {
                            long extra = c.attr().mapExtra();
                            if (extra == 0) {
                                return Optional.empty();
                            }
                            if (!c.profile().hasMapExtra()) {
                                return Optional.of("map_extra is 0x" + Long.toHexString(extra) + ", but Linux "
                                        + c.profile().version() + " has no map_extra (added in "
                                        + UapiHistory.mapExtraSince() + ")");
                            }
                            return fire(!c.is(MapType.BLOOM_FILTER) && !c.is(MapType.ARENA), () ->
                                    "map_extra is 0x" + Long.toHexString(extra) + ", but " + c.typeName()
                                            + " takes no map_extra (only BLOOM_FILTER and ARENA do): it must be 0");
                        }),
                rule("generic.rdonly-wronly", Stage.GENERIC, Errno.EINVAL, "bpf_get_file_flag", Set.of())
                        .summary("BPF_F_RDONLY and BPF_F_WRONLY together leave the map fd no access")
                        .reads(AttrField.MAP_FLAGS)
                        .passesWhenZero(ZeroGuard.FLAGS)
                        .check(c -> fire(c.has(MapFlag.RDONLY) && c.has(MapFlag.WRONLY), () ->
                                "map_flags has both RDONLY and WRONLY: user space could neither read nor write "
                                        + "the map; set at most one")),
                rule("generic.numa-node", Stage.GENERIC, Errno.EINVAL, MAP_CREATE, Set.of())
                        .summary("with BPF_F_NUMA_NODE, numa_node must be an online node (or -1)")
                        .reads(AttrField.MAP_FLAGS)
                        .passesWhenZero(ZeroGuard.FLAGS)
                        .check(c -> {
                            if (!c.numaGiven()) {
                                return Optional.empty();
                            }
                            long node = Integer.toUnsignedLong(c.numaNode());
                            return fire(node >= c.profile().nrNodeIds() || !c.profile().nodeOnline(node), () ->
                                    "numa_node is " + node + ", but the target has " + c.profile().nrNodeIds()
                                            + " NUMA node(s) with online nodes " + c.profile().onlineNodes()
                                            + ": use an online node or -1");
                        }),
                rule("generic.map-type", Stage.GENERIC, Errno.EINVAL, MAP_CREATE, Set.of())
                        .summary("the map type must exist in the target kernel (its version and config)")
                        .reads(AttrField.TYPE)
                        .check(c -> {
                            Optional<MapType> t = c.type();
                            if (t.isEmpty() || t.get() == MapType.UNSPEC) {
                                return Optional.of("map type " + c.attr().typeId() + " is not a map type of Linux "
                                        + c.profile().version() + " (known types are 1.." + MapType.ARENA.id() + ")");
                            }
                            if (!c.profile().version().atLeast(UapiHistory.since(t.get()))) {
                                return Optional.of(t.get() + " maps need Linux " + UapiHistory.since(t.get())
                                        + " or later; the target runs " + c.profile().version());
                            }
                            return fire(c.profile().compiledOut().contains(t.get()), () ->
                                    t.get() + " maps are not built into the target kernel (its config leaves "
                                            + "them out)");
                        }));
    }

    /** Between the type's alloc_check and its alloc. Root passes every capability check. */
    static List<KernelRule> permission() {
        return List.of(
                rule("generic.token-fd", Stage.PERMISSION, Errno.EINVAL, "bpf_token_get_from_fd", Set.of())
                        .summary("BPF_F_TOKEN_FD needs map_token_fd to be a BPF token; the offline model has none")
                        .reads(AttrField.MAP_FLAGS)
                        .passesWhenZero(ZeroGuard.FLAGS)
                        .check(c -> fire(c.profile().hasFlag(MapFlag.TOKEN_FD) && c.attr().has(MapFlag.TOKEN_FD), () ->
                                "map_flags has TOKEN_FD, but no BPF token is given (map_token_fd 0 is not a "
                                        + "token); leave TOKEN_FD to the loader, which sets it with its token")));
    }

    /** After the map is allocated. */
    static List<KernelRule> name() {
        return List.of(
                rule("generic.map-name", Stage.NAME, Errno.EINVAL, "bpf_obj_name_cpy", Set.of())
                        .summary("map_name: at most 15 characters, only letters, digits, '_' and '.' (libbpf truncates longer names)")
                        .check(c -> {
                            String n = c.attr().name();
                            if (n.length() > 15) {
                                return Optional.of("map name '" + n + "' has " + n.length()
                                        + " characters; the kernel takes at most 15");
                            }
                            for (int i = 0; i < n.length(); i++) {
                                char ch = n.charAt(i);
                                boolean ok = ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_' || ch == '.');
                                if (!ok) {
                                    return Optional.of("map name '" + n + "' has '" + ch
                                            + "'; the kernel allows only letters, digits, '_' and '.'");
                                }
                            }
                            return Optional.empty();
                        }));
    }
}
