package org.ebpfj.kernel.differential;

import static org.ebpfj.object.spec.MapCreateAttr.U32_MAX;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.machine.StructSizes;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * BPF_MAP_CREATE attributes for the differential test: for every map type a definition the kernel accepts (where
 * one exists without BTF), then that definition with one field moved onto every limit the rules know (each limit,
 * one below and one above), every single flag bit, map_extra, numa_node and name cases, inner maps for maps of
 * maps; and random attributes mixing all of these with uniformly random values. Limits come from the profile, so
 * they follow the machine (page size, KMALLOC_MAX_SIZE, NR_CPUS, struct sizes, ...).
 */
final class AttrGenerator {

    /** One attribute and how it was made ({@code boundary:key_size}, {@code random}, ...). */
    record Generated(MapCreateAttr attr, String kind) {
    }

    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.";
    /** Printable ASCII the kernel refuses in names; no blanks, so the attribute line stays one word per field. */
    private static final String BAD_NAME_CHARS = "-!/:@~#%+,*";
    private static final int FLAG_BITS = 32;

    private final KernelProfile profile;
    private final SplittableRandom random;
    private final long[] limits;
    private final long[] extras;
    private final Map<MapType, MapCreateAttr> bases = new EnumMap<>(MapType.class);

    AttrGenerator(KernelProfile profile, long seed) {
        this.profile = profile;
        this.random = new SplittableRandom(seed);
        this.limits = limits(profile);
        this.extras = extras(profile);
        for (MapType t : MapType.values()) {
            if (t != MapType.UNSPEC) {
                bases.put(t, base(t));
            }
        }
    }

    /** The map types under test: every type the UAPI defines. */
    static List<MapType> types() {
        return List.of(MapType.values()).subList(1, MapType.values().length);
    }

    long[] limits() {
        return limits.clone();
    }

    /**
     * A definition the kernel accepts without BTF; for the types that need BTF (local storage) or a kernel value
     * type (STRUCT_OPS) the closest one, which the kernel refuses for exactly that reason.
     */
    static MapCreateAttr base(MapType t) {
        MapCreateAttr.Builder b = MapCreateAttr.builder(t).keySize(4).valueSize(8).maxEntries(16);
        switch (t) {
            case PROG_ARRAY, PERF_EVENT_ARRAY, CGROUP_ARRAY, XSKMAP -> b.valueSize(4);
            case SOCKMAP, SOCKHASH -> b.valueSize(4);
            case STACK_TRACE -> b.valueSize(64);
            case LPM_TRIE -> b.keySize(8).flags(MapFlag.NO_PREALLOC);
            case ARRAY_OF_MAPS -> b.valueSize(4).maxEntries(4).innerMap(MapCreateAttr.of(MapType.ARRAY, 4, 4, 1));
            case HASH_OF_MAPS -> b.valueSize(4).maxEntries(4).innerMap(MapCreateAttr.of(MapType.HASH, 4, 4, 1));
            case CPUMAP -> b.valueSize(4).maxEntries(2);
            case CGROUP_STORAGE -> b.keySize(8).maxEntries(0);
            case PERCPU_CGROUP_STORAGE -> b.keySize(16).maxEntries(0);
            case QUEUE, STACK, BLOOM_FILTER -> b.keySize(0);
            case SK_STORAGE, INODE_STORAGE, TASK_STORAGE, CGRP_STORAGE -> b.maxEntries(0).flags(MapFlag.NO_PREALLOC);
            case STRUCT_OPS -> b.valueSize(256).maxEntries(1);
            case RINGBUF, USER_RINGBUF -> b.keySize(0).valueSize(0).maxEntries(4096);
            case ARENA -> b.keySize(0).valueSize(0).maxEntries(1).flags(MapFlag.MMAPABLE);
            default -> {
            }
        }
        return b.build();
    }

    // ---- boundary cases -----------------------------------------------------------------------------------------

    /** Every boundary case, in a fixed order (the same on every run of one machine). */
    List<Generated> boundaryCases() {
        List<Generated> out = new ArrayList<>();
        for (MapType t : types()) {
            MapCreateAttr base = bases.get(t);
            out.add(new Generated(base, "boundary:base"));
            sizes(base, out);
            flags(base, out);
            mapExtra(base, out);
            names(base, out);
            if (t == MapType.ARRAY_OF_MAPS || t == MapType.HASH_OF_MAPS) {
                innerMaps(base, out);
            }
            if (t == MapType.ARENA) {
                arenaRanges(base, out);
            }
        }
        hashSums(out);
        for (long id : new long[] {0, MapType.values().length, MapType.values().length + 1L, 64, 1L << 31, U32_MAX}) {
            out.add(new Generated(MapCreateAttr.builder(id).keySize(4).valueSize(4).maxEntries(1).build(),
                    "boundary:type"));
        }
        return out;
    }

    /**
     * key_size, value_size and max_entries on every limit. Key and value sizes are tried with max_entries 1 (a
     * limit on one element, met where the map stays small) and U32_MAX (a limit that scales with the map, met
     * where it could never be allocated), and with the base max_entries while they are small; max_entries with
     * the base value_size and with value_size U32_MAX.
     */
    private void sizes(MapCreateAttr base, List<Generated> out) {
        long small = profile.pageSize();
        for (long v : limits) {
            for (long m : new LinkedHashSet<>(List.of(base.maxEntries(), 1L, U32_MAX))) {
                if (m == base.maxEntries() && v > small && m > 1) {
                    continue;
                }
                out.add(new Generated(base.toBuilder().keySize(v).maxEntries(m).build(), "boundary:key_size"));
                out.add(new Generated(base.toBuilder().valueSize(v).maxEntries(m).build(), "boundary:value_size"));
            }
            out.add(new Generated(base.toBuilder().maxEntries(v).build(), "boundary:max_entries"));
            out.add(new Generated(base.toBuilder().maxEntries(v).valueSize(U32_MAX).build(),
                    "boundary:max_entries"));
        }
    }

    /** Every bit toggled on its own, the access pairs, and NUMA nodes on the edge of the machine's nodes. */
    private void flags(MapCreateAttr base, List<Generated> out) {
        for (int bit = 0; bit < FLAG_BITS; bit++) {
            out.add(new Generated(base.toBuilder().flags(base.flags() ^ (1L << bit)).build(), "boundary:flag"));
        }
        long known = 0;
        for (MapFlag f : MapFlag.values()) {
            known |= f.mask();
        }
        long[] combos = {MapFlag.maskOf(MapFlag.RDONLY, MapFlag.WRONLY),
                MapFlag.maskOf(MapFlag.RDONLY_PROG, MapFlag.WRONLY_PROG),
                MapFlag.maskOf(MapFlag.NO_COMMON_LRU, MapFlag.NO_PREALLOC), known, U32_MAX, 0};
        for (long c : combos) {
            out.add(new Generated(base.toBuilder().flags(base.flags() | c).build(), "boundary:flags"));
        }
        long nodes = profile.nrNodeIds();
        long[] numaNodes = {0, 1, nodes - 1, nodes, nodes + 1, 1L << 31, U32_MAX - 1, U32_MAX};
        for (long node : numaNodes) {
            long numa = MapFlag.NUMA_NODE.mask();
            out.add(new Generated(base.toBuilder().flags(base.flags() | numa).numaNode(node).build(),
                    "boundary:numa"));
            out.add(new Generated(base.toBuilder().flags(base.flags() | numa | MapFlag.NO_COMMON_LRU.mask())
                    .numaNode(node).build(), "boundary:numa"));
        }
    }

    private void mapExtra(MapCreateAttr base, List<Generated> out) {
        for (long e : extras) {
            out.add(new Generated(base.toBuilder().mapExtra(e).build(), "boundary:map_extra"));
        }
    }

    private void names(MapCreateAttr base, List<Generated> out) {
        String[] names = {"a", "map.name_1", "_", ".", "abcdefghijklmn", "abcdefghijklmno", "abcdefghijklmnop",
                "abcdefghijklmnopq", "bad-name", "x!", "a:b", "0123456789ABCDE"};
        for (String n : names) {
            out.add(new Generated(base.toBuilder().name(n).build(), "boundary:name"));
        }
    }

    /** Each type's base as the inner map, no inner map (fd 0), and an inner map that is itself a map of maps. */
    private void innerMaps(MapCreateAttr base, List<Generated> out) {
        for (MapType t : types()) {
            MapCreateAttr inner = bases.get(t);
            if (inner.innerMap().isPresent()) {
                // Nested: the inner map of maps is created with its own inner map first.
                out.add(new Generated(base.toBuilder().innerMap(inner).build(), "boundary:inner-nested"));
                inner = inner.toBuilder().innerMap(null).build();
            }
            out.add(new Generated(base.toBuilder().innerMap(inner).build(), "boundary:inner"));
        }
        out.add(new Generated(base.toBuilder().innerMap(null).build(), "boundary:inner-none"));
        MapCreateAttr array = MapCreateAttr.of(MapType.ARRAY, 4, 4, 1);
        long[] innerFlags = {MapFlag.MMAPABLE.mask(), MapFlag.INNER_MAP.mask(), MapFlag.RDONLY_PROG.mask(),
                MapFlag.maskOf(MapFlag.NUMA_NODE)};
        for (long f : innerFlags) {
            out.add(new Generated(base.toBuilder().innerMap(array.toBuilder().flags(f).build()).build(),
                    "boundary:inner-flags"));
        }
    }

    /** ARENA's user address range: page alignment, the 4 GiB window and the size limit together. */
    private void arenaRanges(MapCreateAttr base, List<Generated> out) {
        long page = profile.pageSize();
        long window = 1L << 32;
        long maxPages = window / page;
        long[] pages = {1, 2, maxPages - 1, maxPages, maxPages + 1};
        long[] starts = {0, page, window - page, window - 2 * page, window, window + page, 7 * window + page,
                window - 1, 0x7fff_ffff_f000L};
        for (long m : pages) {
            for (long s : starts) {
                out.add(new Generated(base.toBuilder().maxEntries(m).mapExtra(s).build(), "boundary:arena-range"));
            }
        }
    }

    /**
     * Hash maps limit key_size + value_size together: both sides of the sum's limit, from either field; also
     * without preallocation, where a map at the limit costs almost nothing to create.
     */
    private void hashSums(List<Generated> out) {
        long limit = profile.kmallocMaxSize() - profile.structs().htabElem() - 1;
        long pcpu = profile.pcpuMinUnitSize();
        for (MapType t : List.of(MapType.HASH, MapType.PERCPU_HASH, MapType.LRU_HASH, MapType.LRU_PERCPU_HASH)) {
            for (long flags : new long[] {0, MapFlag.NO_PREALLOC.mask()}) {
                MapCreateAttr base = bases.get(t).toBuilder().maxEntries(1).flags(flags).build();
                for (long small : new long[] {1, 4, 8, pcpu}) {
                    for (long d = -1; d <= 1; d++) {
                        out.add(new Generated(base.toBuilder().keySize(small).valueSize(limit - small + d).build(),
                                "boundary:key+value"));
                        out.add(new Generated(base.toBuilder().keySize(limit - small + d).valueSize(small).build(),
                                "boundary:key+value"));
                    }
                }
            }
        }
    }

    // ---- random cases -------------------------------------------------------------------------------------------

    /** A random attribute: a random type, each field from its base, a limit, a small or a uniform value. */
    Generated randomCase() {
        if (random.nextInt(100) == 0) {
            long id = random.nextBoolean() ? MapType.values().length + random.nextInt(8) : u32();
            return new Generated(MapCreateAttr.builder(id).keySize(field(4)).valueSize(field(4)).maxEntries(field(1))
                    .build(), "random:type");
        }
        MapType t = types().get(random.nextInt(types().size()));
        return new Generated(randomOf(t, true), "random");
    }

    private MapCreateAttr randomOf(MapType t, boolean withInner) {
        MapCreateAttr base = bases.get(t);
        MapCreateAttr.Builder b = base.toBuilder()
                .keySize(field(base.keySize()))
                .valueSize(field(base.valueSize()))
                .maxEntries(field(base.maxEntries()))
                .flags(randomFlags(base.flags()));
        MapCreateAttr partial = b.build();
        if (partial.has(MapFlag.NUMA_NODE)) {
            b.numaNode(pick(new long[] {0, 0, 1, profile.nrNodeIds(), U32_MAX, u32()}));
        }
        boolean extraTaker = t == MapType.BLOOM_FILTER || t == MapType.ARENA;
        if (random.nextInt(100) < (extraTaker ? 50 : 5)) {
            b.mapExtra(random.nextBoolean() ? pick(extras) : random.nextLong());
        }
        if (random.nextInt(100) < 20) {
            b.name(randomName());
        }
        if (t == MapType.ARRAY_OF_MAPS || t == MapType.HASH_OF_MAPS) {
            int r = random.nextInt(100);
            if (!withInner || r < 10) {
                b.innerMap(null);
            } else if (r < 40) {
                b.innerMap(base.innerMap().orElseThrow());
            } else {
                MapType it = types().get(random.nextInt(types().size()));
                b.innerMap(randomOf(it, false).toBuilder().mapExtra(0).numaNode(0).name("").build());
            }
        }
        return b.build();
    }

    /** 40% the base value, 30% a limit, 15% small, 15% uniform over u32. */
    private long field(long base) {
        int r = random.nextInt(100);
        if (r < 40) {
            return base;
        }
        if (r < 70) {
            return pick(limits);
        }
        if (r < 85) {
            return random.nextLong(2L * profile.pageSize() + 1);
        }
        return u32();
    }

    /** Mostly the base flags, else one bit toggled, a few known flags, or any 32 bits. */
    private long randomFlags(long base) {
        int r = random.nextInt(100);
        if (r < 40) {
            return base;
        }
        if (r < 70) {
            return base ^ (1L << random.nextInt(FLAG_BITS));
        }
        if (r < 90) {
            long f = base;
            for (MapFlag flag : MapFlag.values()) {
                if (random.nextInt(100) < 12) {
                    f ^= flag.mask();
                }
            }
            return f;
        }
        return u32();
    }

    private String randomName() {
        int len = random.nextInt(18);
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            String pool = random.nextInt(100) < 3 ? BAD_NAME_CHARS : NAME_CHARS;
            sb.append(pool.charAt(random.nextInt(pool.length())));
        }
        return sb.toString();
    }

    private long pick(long[] values) {
        return values[random.nextInt(values.length)];
    }

    private long u32() {
        return random.nextLong(U32_MAX + 1);
    }

    // ---- the limits -------------------------------------------------------------------------------------------

    /**
     * Each limit a rule knows, with its neighbours, plus every power of two and its neighbours: 0, 1, page sizes,
     * KMALLOC_MAX_SIZE and KMALLOC_MAX_SIZE - sizeof(htab_elem) - 1, PCPU_MIN_UNIT_SIZE, the local-storage value
     * limit, the LPM trie limits, MAX_BPF_STACK, stack-trace depths, NR_CPUS, possible CPUs, NUMA nodes, the
     * arena's pages in 4 GiB, 2^27 (hash buckets), INT_MAX, 2^31 and U32_MAX.
     */
    private static long[] limits(KernelProfile p) {
        StructSizes s = p.structs();
        long page = p.pageSize();
        long kmax = p.kmallocMaxSize();
        long[] named = {0, 4, 8, 16, 24, 32, 255, 256, 260, KernelProfile.MAX_BPF_STACK,
                (long) p.perfEventMaxStack() * 8, (long) p.perfEventMaxStack() * s.stackBuildId(),
                page, 3 * page, p.pcpuMinUnitSize(), p.localStorageMaxValueSize(), 0xFFFF,
                kmax, kmax - s.htabElem() - 1, kmax - 256 - s.lpmTrieNode(),
                p.nrCpus(), p.possibleCpus(), p.nrNodeIds(), (1L << 32) / page,
                1L << 27, Integer.MAX_VALUE, 1L << 31, U32_MAX};
        TreeSet<Long> set = new TreeSet<>();
        for (long n : named) {
            addWithNeighbours(set, n);
        }
        for (int bit = 0; bit < 32; bit++) {
            addWithNeighbours(set, 1L << bit);
        }
        return set.stream().mapToLong(Long::longValue).toArray();
    }

    private static void addWithNeighbours(TreeSet<Long> set, long n) {
        for (long v = n - 1; v <= n + 1; v++) {
            if (v >= 0 && v <= U32_MAX) {
                set.add(v);
            }
        }
    }

    /** map_extra: bloom filter hash counts (low 4 bits), arena addresses (page alignment, 4 GiB windows). */
    private static long[] extras(KernelProfile p) {
        long page = p.pageSize();
        return new long[] {1, 5, 0xF, 0x10, 0x1F, page - 1, page, page + 1, 1L << 32, (1L << 32) - page,
                (1L << 32) + page, Long.MIN_VALUE, -page, -1};
    }
}
