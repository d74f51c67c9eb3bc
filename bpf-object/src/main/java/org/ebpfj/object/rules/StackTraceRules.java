package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** kernel/bpf/stackmap.c {@code stack_map_alloc}: every check happens at alloc time. */
final class StackTraceRules {
    static final Set<MapType> TYPES = EnumSet.of(MapType.STACK_TRACE);
    private static final String ALLOC = "stack_map_alloc";

    private StackTraceRules() {
    }

    static List<KernelRule> alloc() {
        return List.of(
                rule("stack-trace.flags", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("STACK_TRACE accepts NUMA_NODE, RDONLY, WRONLY and STACK_BUILD_ID")
                        .flagsWithin(MapFlag.maskOf(MapFlag.NUMA_NODE, MapFlag.RDONLY, MapFlag.WRONLY,
                                MapFlag.STACK_BUILD_ID), "NUMA_NODE, RDONLY, WRONLY, STACK_BUILD_ID"),
                rule("stack-trace.max-entries", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("max_entries must not be 0")
                        .nonZero(AttrField.MAX_ENTRIES, c -> "a STACK_TRACE map needs room for at least "
                                + "one stack"),
                rule("stack-trace.key-size", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("the key is the 32-bit stack id: key_size must be 4")
                        .exactly(AttrField.KEY_SIZE, 4, c -> "but a STACK_TRACE key is the 32-bit stack id"),
                rule("stack-trace.value-size", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("the value is an array of 8-byte frames: value_size a non-zero multiple of 8")
                        .field(AttrField.VALUE_SIZE, v -> v < 8 || v % 8 != 0, c -> ", but a STACK_TRACE value is "
                                + "an array of 8-byte addresses: value_size must be a non-zero multiple of 8"),
                rule("stack-trace.depth", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("value_size / frame size must not exceed kernel.perf_event_max_stack (127 frames by "
                                + "default); build-id frames are 32 bytes")
                        .reads(AttrField.VALUE_SIZE, AttrField.MAP_FLAGS)
                        .check(c -> {
                            long maxStack = c.profile().perfEventMaxStack();
                            if (c.has(MapFlag.STACK_BUILD_ID)) {
                                long frame = c.profile().structs().stackBuildId();
                                if (c.v() % frame != 0) {
                                    return Optional.of("value_size is " + c.v() + ", but with "
                                            + "STACK_BUILD_ID a value is an array of " + frame + "-byte struct "
                                            + "bpf_stack_build_id: value_size must be a multiple of " + frame);
                                }
                                return fire(c.v() / frame > maxStack, () -> "value_size is " + c.v() + ": "
                                        + c.v() / frame + " build-id frames, more than kernel.perf_event_max_stack ("
                                        + maxStack + "): value_size must be at most " + maxStack * frame);
                            }
                            return fire(c.v() / 8 > maxStack, () -> "value_size is " + c.v() + ": " + c.v() / 8
                                    + " frames, more than kernel.perf_event_max_stack (" + maxStack
                                    + "): value_size must be at most " + maxStack * 8);
                        }),
                rule("stack-trace.max-entries-limit", Stage.ALLOC, Errno.E2BIG, ALLOC, TYPES)
                        .summary("max_entries must be at most 2^31 (it is rounded up to a power of two)")
                        .field(AttrField.MAX_ENTRIES, m -> m > (1L << 31), c -> ": STACK_TRACE rounds it up to a "
                                + "power of two, which must not exceed 2^31"));
    }
}
