package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.uapi.Errno;

/**
 * The allocations of {@code map_alloc}: the kernel fails at once (vmalloc refuses a request larger than total RAM),
 * or after trying, when the preallocated memory exceeds RAM. Below RAM it really allocates, so only a warning
 * ({@code memory.large}) is possible.
 */
final class MemoryRule {
    private MemoryRule() {
    }

    static List<KernelRule> all() {
        return List.of(rule("generic.memory", Stage.MEMORY, Errno.ENOMEM, "bpf_map_area_alloc", Set.of())
                .summary("the memory allocated at create time must fit in the target's RAM")
                .reads(AttrField.KEY_SIZE, AttrField.VALUE_SIZE, AttrField.MAX_ENTRIES, AttrField.MAP_FLAGS)
                .check(c -> {
                    MemoryEstimate e = c.memory();
                    long ram = c.profile().totalRamBytes();
                    if (e.upfrontBytes() <= ram) {
                        return Optional.empty();
                    }
                    return Optional.of("the map needs " + CreateContext.bytes(e.upfrontBytes()) + " at create time ("
                            + e.basis() + "), more than the target's RAM (" + Sizes.human(ram) + ")");
                }));
    }
}
