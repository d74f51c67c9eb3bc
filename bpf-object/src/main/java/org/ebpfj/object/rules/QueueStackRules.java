package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.ACCESS;
import static org.ebpfj.object.rules.CreateContext.bytes;
import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** kernel/bpf/queue_stack_maps.c {@code queue_stack_map_alloc_check}. */
final class QueueStackRules {
    static final Set<MapType> TYPES = EnumSet.of(MapType.QUEUE, MapType.STACK);
    private static final String CHECK = "queue_stack_map_alloc_check";

    private QueueStackRules() {
    }

    static List<KernelRule> allocCheck() {
        return List.of(
                rule("queue-stack.max-entries", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("max_entries must not be 0")
                        .nonZero(AttrField.MAX_ENTRIES, c -> "a " + c.typeName()
                                + " needs room for at least one value"),
                rule("queue-stack.key-size", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("QUEUE and STACK have no key: key_size must be 0")
                        .exactly(AttrField.KEY_SIZE, 0, c -> "but a " + c.typeName()
                                + " has no key (values are pushed and popped)"),
                rule("queue-stack.value-size", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("value_size must not be 0")
                        .nonZero(AttrField.VALUE_SIZE, c -> "a " + c.typeName()
                                + " value needs at least 1 byte"),
                rule("queue-stack.flags", Stage.ALLOC_CHECK, Errno.EINVAL, CHECK, TYPES)
                        .summary("QUEUE and STACK accept NUMA_NODE and the access flags (not RDONLY_PROG with "
                                + "WRONLY_PROG)")
                        .flags(MapFlag.NUMA_NODE.mask() | ACCESS,
                                "NUMA_NODE, RDONLY, WRONLY, RDONLY_PROG, WRONLY_PROG"),
                rule("queue-stack.value-size-limit", Stage.ALLOC_CHECK, Errno.E2BIG, CHECK, TYPES)
                        .summary("value_size must be at most KMALLOC_MAX_SIZE (4 MiB on x86_64)")
                        .reads(AttrField.VALUE_SIZE)
                        .check(c -> fire(c.v() > c.profile().kmallocMaxSize(), () -> "value_size is " + c.v()
                                + ", but user space copies " + c.typeName() + " values through one kmalloc buffer: "
                                + "value_size must be at most KMALLOC_MAX_SIZE ("
                                + bytes(c.profile().kmallocMaxSize()) + ")")),
                rule("queue-stack.total-size", Stage.ALLOC_CHECK, Errno.E2BIG, CHECK, TYPES)
                        .summary("Linux 6.12 from " + RuleHistory.QUEUE_STACK_SIZE_CHECKED
                                + " (measured): (max_entries + 1) × value_size must be at most U32_MAX")
                        .reads(AttrField.VALUE_SIZE, AttrField.MAX_ENTRIES)
                        .check(c -> fire(RuleHistory.checksQueueStackSize(c.profile().version()) && c.v() != 0
                                && c.m() + 1 > MapCreateAttr.U32_MAX / c.v(), () -> "(max_entries + 1) × value_size "
                                + "is " + (c.m() + 1) + " × " + c.v() + " bytes, more than U32_MAX: Linux "
                                + c.profile().version() + " refuses a " + c.typeName() + " that large before "
                                + "allocating it (other kernels try, and answer ENOMEM when memory is short)")));
    }
}
