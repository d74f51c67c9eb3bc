package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.fire;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** kernel/bpf/arena.c {@code arena_map_alloc}: every check happens at alloc time. */
final class ArenaRules {
    static final Set<MapType> TYPES = EnumSet.of(MapType.ARENA);
    private static final long FOUR_GIB = 1L << 32;

    private ArenaRules() {
    }

    static List<KernelRule> alloc() {
        RuleTable t = RuleTable.of("arena", Stage.ALLOC, "arena_map_alloc", TYPES);
        return t.add(t.rule("jit", Errno.EOPNOTSUPP, "the target's JIT must support arenas")
                        .check(c -> fire(!c.profile().arenaJit(), () -> "the target's BPF JIT does not support arenas")))
                .noKeyOrValue("an arena has no key or value: key_size and value_size must be 0",
                        "but an ARENA is memory pages, not key/value slots")
                .nonZero(AttrField.MAX_ENTRIES, "max_entries (the number of pages) must not be 0",
                        "for an ARENA it is the number of pages")
                .requires(MapFlag.MMAPABLE, "BPF_F_MMAPABLE is required", "an ARENA requires: user space maps its pages")
                .flagsWithin(MapFlag.maskOf(MapFlag.MMAPABLE, MapFlag.SEGV_ON_FAULT, MapFlag.NO_USER_CONV),
                        "ARENA accepts only MMAPABLE, SEGV_ON_FAULT and NO_USER_CONV",
                        "MMAPABLE (required), SEGV_ON_FAULT, NO_USER_CONV")
                .add(t.rule("address-alignment", Errno.EINVAL, "map_extra (the user-space start address) must be page "
                                + "aligned")
                        .check(c -> fire((c.attr().mapExtra() & (c.profile().pageSize() - 1)) != 0, () ->
                                "map_extra is 0x" + Long.toHexString(c.attr().mapExtra()) + ", but for an ARENA it "
                                        + "is the user-space start address and must be a multiple of the page size ("
                                        + c.profile().pageSize() + ")")))
                .add(t.rule("size-limit", Errno.E2BIG, "an arena spans at most 4 GiB: max_entries × page size ≤ 4 GiB")
                        .reads(AttrField.MAX_ENTRIES)
                        .check(c -> fire(c.m() * c.profile().pageSize() > FOUR_GIB, () -> "max_entries is " + c.m()
                                + " pages of " + c.profile().pageSize() + " bytes, more than the 4 GiB an ARENA "
                                + "can span: max_entries must be at most " + FOUR_GIB / c.profile().pageSize())))
                .add(t.rule("address-range", Errno.ERANGE, "the user-space range [map_extra, map_extra + size) must "
                                + "not cross a 4 GiB boundary")
                        .reads(AttrField.MAX_ENTRIES)
                        .check(c -> {
                            long start = c.attr().mapExtra();
                            long end = start + c.m() * c.profile().pageSize() - 1;
                            return fire((start >>> 32) != (end >>> 32), () -> "map_extra 0x" + Long.toHexString(start)
                                    + " plus " + c.m() + " pages crosses a 4 GiB boundary: the arena's user-space "
                                    + "range must lie within one 4 GiB-aligned window");
                        }))
                .rules();
    }
}
