package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.ACCESS;
import static org.ebpfj.object.rules.CreateContext.bytes;
import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.CreateContext.roundUp8;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * kernel/bpf/arraymap.c {@code array_map_alloc_check} and the checks that wrap it: {@code fd_array_map_alloc_check}
 * (arrays of fds) and {@code reuseport_array_alloc_check} (kernel/bpf/reuseport_array.c).
 */
final class ArrayRules {
    static final Set<MapType> ARRAYS = EnumSet.of(MapType.ARRAY, MapType.PERCPU_ARRAY, MapType.PROG_ARRAY,
            MapType.PERF_EVENT_ARRAY, MapType.CGROUP_ARRAY, MapType.ARRAY_OF_MAPS, MapType.REUSEPORT_SOCKARRAY);
    static final Set<MapType> FD_ARRAYS = EnumSet.of(MapType.PROG_ARRAY, MapType.PERF_EVENT_ARRAY,
            MapType.CGROUP_ARRAY, MapType.ARRAY_OF_MAPS);

    /** {@code ARRAY_CREATE_FLAG_MASK}. */
    static final long FLAG_MASK = MapFlag.maskOf(MapFlag.NUMA_NODE, MapFlag.MMAPABLE, MapFlag.PRESERVE_ELEMS,
            MapFlag.INNER_MAP) | ACCESS;

    private static final String CHECK = "array_map_alloc_check";
    private static final long INT_MAX = Integer.MAX_VALUE;

    private ArrayRules() {
    }

    static List<KernelRule> allocCheck() {
        return RuleTable.of("array", Stage.ALLOC_CHECK, CHECK, ARRAYS).addAll(List.of(
                rule("fd-array.value-size", Stage.ALLOC_CHECK, Errno.EINVAL, "fd_array_map_alloc_check", FD_ARRAYS)
                        .summary("arrays of programs, perf events, cgroups and maps store fds: value_size must be 4")
                        .exactly(AttrField.VALUE_SIZE, 4, c -> "but a " + c.typeName()
                                + " value is a file descriptor (a 32-bit int)"),
                rule("fd-array.prog-access", Stage.ALLOC_CHECK, Errno.EINVAL, "fd_array_map_alloc_check", FD_ARRAYS)
                        .summary("arrays of fds take neither BPF_F_RDONLY_PROG nor BPF_F_WRONLY_PROG")
                        .reads(AttrField.MAP_FLAGS)
                        .passesWhenZero(ZeroGuard.FLAGS)
                        .check(c -> fire(c.has(MapFlag.RDONLY_PROG) || c.has(MapFlag.WRONLY_PROG), () ->
                                "map_flags has " + MapFlag.describe(c.flags()
                                        & MapFlag.maskOf(MapFlag.RDONLY_PROG, MapFlag.WRONLY_PROG))
                                        + ", but programs cannot be restricted on " + c.typeName() + " maps")),
                rule("reuseport.value-size", Stage.ALLOC_CHECK, Errno.EINVAL, "reuseport_array_alloc_check",
                        EnumSet.of(MapType.REUSEPORT_SOCKARRAY))
                        .summary("REUSEPORT_SOCKARRAY values are socket fds or cookies: value_size must be 4 or 8")
                        .field(AttrField.VALUE_SIZE, v -> v != 4 && v != 8, c -> ", but a REUSEPORT_SOCKARRAY value "
                                + "is a socket fd (4 bytes) or cookie (8 bytes)")))
                .nonZero(AttrField.MAX_ENTRIES, "a {type} needs at least one slot")
                .exactly(AttrField.KEY_SIZE, 4, "an array key is the 32-bit index: key_size must be 4",
                        "an {type} key is the 32-bit index")
                .nonZero(AttrField.VALUE_SIZE, "a {type} value needs at least 1 byte")
                .addAll(List.of(
                rule("array.flags", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, ARRAYS)
                        .summary("arrays accept NUMA_NODE, MMAPABLE, PRESERVE_ELEMS, INNER_MAP and the access flags "
                                + "(not RDONLY_PROG with WRONLY_PROG)")
                        .reads(AttrField.MAP_FLAGS)
                        // The allowed list is written only for the message: most maps pass.
                        .check(c -> c.outside(FLAG_MASK) == 0 && !c.progAccessConflict() ? Optional.empty()
                                : c.flagsOutsideOrProgConflict(FLAG_MASK, allowedFlags(c))),
                rule("percpu-array.numa-node", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK,
                        EnumSet.of(MapType.PERCPU_ARRAY))
                        .summary("no NUMA node for PERCPU_ARRAY: its values live in every CPU's memory")
                        .reads(AttrField.MAP_FLAGS)
                        .passesWhenZero(ZeroGuard.FLAGS)
                        .check(c -> fire(c.numaGiven(), () -> "numa_node " + Integer.toUnsignedLong(c.numaNode())
                                + " is given, but PERCPU_ARRAY values are spread over all CPUs' memory: drop "
                                + "NUMA_NODE or set numa_node to -1")),
                rule("array.mmapable", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, ARRAYS)
                        .summary("BPF_F_MMAPABLE and BPF_F_INNER_MAP are only for ARRAY")
                        .reads(AttrField.MAP_FLAGS)
                        .passesWhenZero(ZeroGuard.FLAGS)
                        .check(c -> fire(!c.is(MapType.ARRAY) && (c.has(MapFlag.MMAPABLE) || c.has(MapFlag.INNER_MAP)), () ->
                                "map_flags has " + MapFlag.describe(c.flags()
                                        & MapFlag.maskOf(MapFlag.MMAPABLE, MapFlag.INNER_MAP))
                                        + ", which only plain ARRAY maps take, not " + c.typeName())),
                rule("array.preserve-elems", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, ARRAYS)
                        .summary("BPF_F_PRESERVE_ELEMS is only for PERF_EVENT_ARRAY")
                        .reads(AttrField.MAP_FLAGS)
                        .passesWhenZero(ZeroGuard.FLAGS)
                        .check(c -> fire(!c.is(MapType.PERF_EVENT_ARRAY) && c.has(MapFlag.PRESERVE_ELEMS), () ->
                                "map_flags has PRESERVE_ELEMS, which only PERF_EVENT_ARRAY takes, not "
                                        + c.typeName())),
                rule("array.value-size-limit", Stage.ALLOC_CHECK, Errno.E2BIG, CHECK, ARRAYS)
                        .summary("value_size must be at most INT_MAX (2147483647)")
                        .field(AttrField.VALUE_SIZE, v -> v > INT_MAX, c -> ": array values must be at most "
                                + "INT_MAX (" + INT_MAX + ") bytes"),
                rule("percpu-array.value-size", Stage.ALLOC_CHECK, Errno.E2BIG, CHECK, EnumSet.of(MapType.PERCPU_ARRAY))
                        .summary("a per-CPU value, rounded up to 8 bytes, must fit in PCPU_MIN_UNIT_SIZE (32 KiB)")
                        .reads(AttrField.VALUE_SIZE)
                        .check(c -> {
                            long unit = c.profile().pcpuMinUnitSize();
                            return fire(roundUp8(c.v()) > unit, () -> "value_size is " + c.v() + ", but each CPU's "
                                    + "copy of a PERCPU_ARRAY value (rounded up to 8 bytes) must fit in "
                                    + "PCPU_MIN_UNIT_SIZE (" + bytes(unit) + "): value_size must be at most " + unit);
                        })))
                .rules();
    }

    private static String allowedFlags(CreateContext c) {
        if (c.is(MapType.ARRAY)) {
            return "NUMA_NODE, MMAPABLE, INNER_MAP, RDONLY, WRONLY, RDONLY_PROG, WRONLY_PROG";
        }
        if (c.is(MapType.PERF_EVENT_ARRAY)) {
            return "NUMA_NODE, PRESERVE_ELEMS, RDONLY, WRONLY";
        }
        if (c.type().map(FD_ARRAYS::contains).orElse(false)) {
            return "NUMA_NODE, RDONLY, WRONLY";
        }
        return c.is(MapType.PERCPU_ARRAY) ? "RDONLY, WRONLY, RDONLY_PROG, WRONLY_PROG"
                : "NUMA_NODE, RDONLY, WRONLY, RDONLY_PROG, WRONLY_PROG";
    }
}
