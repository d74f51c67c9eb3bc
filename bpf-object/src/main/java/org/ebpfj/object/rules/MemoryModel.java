package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.roundUp8;
import static org.ebpfj.object.rules.CreateContext.roundUpPowerOfTwo;
import static org.ebpfj.object.rules.Sizes.saturatingAdd;
import static org.ebpfj.object.rules.Sizes.saturatingMultiply;

import java.util.Optional;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.machine.StructSizes;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * Estimates a map's kernel memory from its attribute, following each type's {@code map_alloc}. Small fixed
 * structures are included where they matter for small maps; allocator rounding and slab overhead are not.
 */
final class MemoryModel {
    private static final long POINTER = 8;

    private MemoryModel() {
    }

    /** The estimate with its parts listed, as reports show it. */
    static MemoryEstimate estimate(MapCreateAttr a, KernelProfile p) {
        return estimate(a, p, true);
    }

    /** The estimate; {@code itemise} false: the totals and the basis only, no parts ({@link MemoryParts}). */
    static MemoryEstimate estimate(MapCreateAttr a, KernelProfile p, boolean itemise) {
        return compute(a, p, itemise);
    }

    private static MemoryEstimate compute(MapCreateAttr a, KernelProfile p, boolean itemise) {
        Optional<MapType> type = a.type();
        if (type.isEmpty()) {
            return new MemoryParts(itemise).estimate("unknown map type");
        }
        MemoryParts parts = new MemoryParts(itemise);
        StructSizes s = p.structs();
        long k = a.keySize();
        long v = a.valueSize();
        long m = a.maxEntries();
        long cpus = p.possibleCpus();
        long page = p.pageSize();
        switch (type.get()) {
            case HASH:
            case PERCPU_HASH:
            case LRU_HASH:
            case LRU_PERCPU_HASH:
            case HASH_OF_MAPS:
                return hash(a, p, type.get(), itemise);
            case ARRAY:
                if (a.has(MapFlag.MMAPABLE)) {
                    parts.add("array (page-aligned for mmap)",
                            saturatingAdd(pageAlign(s.bpfArray(), page), pageAlign(times(m, roundUp8(v)), page)),
                            true);
                } else {
                    parts.add("array of ", m, " values", saturatingAdd(s.bpfArray(),
                            times(m, roundUp8(v))), true);
                }
                return parts.estimate("struct bpf_array + max_entries × round_up(value_size, 8)");
            case PERCPU_ARRAY:
                parts.add("array of per-CPU pointers", saturatingAdd(s.bpfArray(), times(m, POINTER)),
                        true);
                parts.add("per-CPU values", times(times(m, roundUp8(v)), cpus), true);
                return parts.estimate(() -> "max_entries × round_up(value_size, 8) × possible CPUs ("
                        + cpus + ")");
            case PROG_ARRAY:
            case PERF_EVENT_ARRAY:
            case CGROUP_ARRAY:
            case ARRAY_OF_MAPS:
            case REUSEPORT_SOCKARRAY:
                parts.add("array of ", m, " pointers", saturatingAdd(s.bpfArray(), times(m, POINTER)),
                        true);
                return parts.estimate("max_entries pointers; the referenced objects are not counted");
            case STACK_TRACE:
                parts.add("bucket table", saturatingAdd(s.mapHeader(), times(roundUpPowerOfTwo(m), POINTER)),
                        true);
                parts.add("preallocated stacks", times(m, saturatingAdd(s.stackMapBucket(), v)), true);
                return parts.estimate("power-of-two bucket table + max_entries × (16 + value_size)");
            case LPM_TRIE:
                parts.add("trie", s.mapHeader(), true);
                parts.add("nodes, allocated on insert",
                        times(m, saturatingAdd(s.lpmTrieNode() + Math.max(0, k - 4), v)), false);
                return parts.estimate("one node per prefix, allocated on insert (intermediate nodes "
                        + "not counted)");
            case QUEUE:
            case STACK:
                parts.add("ring of ", m, " + 1 values", saturatingAdd(s.mapHeader(), times(m + 1, v)),
                        true);
                return parts.estimate("(max_entries + 1) × value_size");
            case RINGBUF:
            case USER_RINGBUF: {
                long dataPages = m / page;
                parts.add("data pages", m, true);
                parts.add("control pages", s.ringbufMetaPages() * page, true);
                parts.add("page table for the double mapping",
                        times(s.ringbufMetaPages() + 2 * dataPages, POINTER), true);
                return parts.estimate(() -> "max_entries bytes of data + " + s.ringbufMetaPages()
                        + " control pages");
            }
            case BLOOM_FILTER:
                parts.add("bit array", saturatingAdd(s.mapHeader(), bloomBitsetBytes(m, a.mapExtra())),
                        true);
                return parts.estimate("roundup_pow_of_two(max_entries × hash functions × 7/5) bits");
            case DEVMAP:
                parts.add("device slots", saturatingAdd(s.mapHeader(), times(m, POINTER)), true);
                parts.add("device entries, on update", times(m, 64), false);
                return parts.estimate("max_entries pointers + an entry per device");
            case DEVMAP_HASH:
                parts.add("bucket table", saturatingAdd(s.mapHeader(), times(roundUpPowerOfTwo(m), POINTER)),
                        true);
                parts.add("device entries, on update", times(m, 64), false);
                return parts.estimate("power-of-two bucket table + an entry per device");
            case CPUMAP:
                parts.add("CPU slots", saturatingAdd(s.mapHeader(), times(m, POINTER)), true);
                return parts.estimate("max_entries pointers; each CPU entry's queue (qsize × 8 bytes) "
                        + "is allocated on update and not counted");
            case XSKMAP:
            case SOCKMAP:
                parts.add("socket slots", saturatingAdd(s.mapHeader(), times(m, POINTER)), true);
                return parts.estimate("max_entries pointers");
            case SOCKHASH:
                parts.add("bucket table", times(roundUpPowerOfTwo(m), s.shtabBucket()), true);
                parts.add("elements, on update", times(m, saturatingAdd(s.shtabElem(), roundUp8(k))),
                        false);
                return parts.estimate("power-of-two bucket table + an element per socket");
            case CGROUP_STORAGE:
            case PERCPU_CGROUP_STORAGE: {
                long per = type.get() == MapType.PERCPU_CGROUP_STORAGE ? times(roundUp8(v), cpus) : v;
                parts.add("map", s.mapHeader(), true);
                parts.add("storage per attached cgroup", per, false);
                return parts.estimate("one value per (cgroup, attach type) the program is attached to");
            }
            case SK_STORAGE:
            case INODE_STORAGE:
            case TASK_STORAGE:
            case CGRP_STORAGE:
                parts.add("map and bucket table", s.mapHeader(), true);
                parts.add("storage per owning object", saturatingAdd(s.localStorageElem(), v), false);
                return parts.estimate("one element per socket/inode/task/cgroup that uses it");
            case STRUCT_OPS:
                parts.add("value and trampoline image", saturatingAdd(v, page), true);
                return parts.estimate("the struct value and one trampoline page");
            case ARENA:
                parts.add("arena", s.mapHeader(), true);
                parts.add("pages, allocated on use", times(m, page), false);
                return parts.estimate("max_entries pages, allocated when programs or user space "
                        + "touch them");
            default:
                return new MemoryParts(itemise).estimate(() -> "no model for " + type.get());
        }
    }

    private static MemoryEstimate hash(MapCreateAttr a, KernelProfile p, MapType t, boolean itemise) {
        StructSizes s = p.structs();
        boolean percpu = t == MapType.PERCPU_HASH || t == MapType.LRU_PERCPU_HASH;
        boolean lru = t == MapType.LRU_HASH || t == MapType.LRU_PERCPU_HASH;
        boolean prealloc = lru || !a.has(MapFlag.NO_PREALLOC);
        long m = HashRules.effectiveMaxEntries(a.maxEntries(), a.has(MapFlag.NO_COMMON_LRU), p.possibleCpus());
        long cpus = p.possibleCpus();
        long elem = s.htabElem() + roundUp8(a.keySize()) + (percpu ? POINTER : roundUp8(a.valueSize()));
        // htab_has_extra_elems(): plain preallocated hash maps keep one spare element per CPU for updates.
        long extra = t == MapType.HASH && prealloc ? cpus : 0;
        MemoryParts parts = new MemoryParts(itemise);
        parts.add("bucket table", times(roundUpPowerOfTwo(m), s.htabBucket()), true);
        parts.add(prealloc ? "preallocated elements" : "elements, allocated on insert",
                times(m + extra, elem), prealloc);
        if (percpu) {
            parts.add("per-CPU values", times(times(m, roundUp8(a.valueSize())), cpus), prealloc);
        }
        return parts.estimate(() -> "buckets 16 × roundup_pow_of_two(max_entries) + elements (" + elem
                + " bytes each: " + s.htabElem() + "-byte header + key + " + (percpu ? "per-CPU pointer" : "value")
                + ") × (" + (extra > 0 ? "max_entries + " + extra + " spare" : "max_entries") + ")"
                + (percpu ? " + per-CPU values × " + cpus + " CPUs" : ""));
    }

    /** {@code bloom_map_alloc}: bits = roundup_pow_of_two(max_entries × k × 7 / 5), at least 64, at most 2^32. */
    static long bloomBitsetBytes(long maxEntries, long mapExtra) {
        long hashes = (mapExtra & 0xF) == 0 ? 5 : mapExtra & 0xF;
        long bits = maxEntries * hashes;
        boolean overflow = bits > MapCreateAttr.U32_MAX;
        if (!overflow) {
            bits = bits / 5 * 7;
            overflow = bits > MapCreateAttr.U32_MAX || bits > (1L << 31);
        }
        if (overflow) {
            return roundUp8((MapCreateAttr.U32_MAX + 7) / 8);
        }
        bits = bits <= 64 ? 64 : roundUpPowerOfTwo(bits);
        return roundUp8(bits / 8);
    }

    private static long times(long a, long b) {
        return saturatingMultiply(a, b);
    }

    private static long pageAlign(long n, long page) {
        return (n + page - 1) / page * page;
    }
}
