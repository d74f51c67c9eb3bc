package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * Creates a map again the way libbpf 1.1 created it in {@code bpf_object__load} ({@code bpf_object__create_map}),
 * to learn after a failed load which map the kernel refused and with which errno: libbpf closes every descriptor
 * after a failure, so it cannot be asked. The attribute is libbpf's own: type, sizes, {@code max_entries} after
 * libbpf's adjustments, flags, NUMA node, {@code map_extra}, ifindex, the name it sends, the object's BTF and the
 * key/value type ids, the inner map for maps of maps. As libbpf does, a refusal with BTF ids is retried without
 * them, and the retry's errno is the answer.
 */
public final class MapReplay {
    private static final Binding NUMA_NODE = LibBpf.fn("bpf_map__numa_node", JAVA_INT, ADDRESS);
    private static final Binding MAP_EXTRA = LibBpf.fn("bpf_map__map_extra", JAVA_LONG, ADDRESS);
    private static final Binding IFINDEX = LibBpf.fn("bpf_map__ifindex", JAVA_INT, ADDRESS);
    private static final Binding INNER_MAP = LibBpf.fn("bpf_map__inner_map", ADDRESS, ADDRESS);
    private static final Binding AUTOCREATE = LibBpf.fn("bpf_map__autocreate", JAVA_BOOLEAN, ADDRESS);
    private static final Binding OBJECT_BTF = LibBpf.fn("bpf_object__btf", ADDRESS, ADDRESS);
    private static final Binding BTF_FD = LibBpf.fn("btf__fd", JAVA_INT, ADDRESS);

    /** The map types whose BTF ids libbpf clears before creating them ({@code bpf_object__create_map}). */
    private static final int[] NO_BTF_TYPES = {4 /* PERF_EVENT_ARRAY */, 8 /* CGROUP_ARRAY */, 7 /* STACK_TRACE */,
        12 /* ARRAY_OF_MAPS */, 13 /* HASH_OF_MAPS */, 14 /* DEVMAP */, 25 /* DEVMAP_HASH */, 16 /* CPUMAP */,
        17 /* XSKMAP */, 15 /* SOCKMAP */, 18 /* SOCKHASH */, 22 /* QUEUE */, 23 /* STACK */};
    private static final int STRUCT_OPS = 26;
    private static final int PERF_EVENT_ARRAY = 4;

    private MapReplay() {
    }

    /**
     * One map's BPF_MAP_CREATE as libbpf sends it.
     *
     * @param name   the name the kernel receives (at most 15 bytes)
     * @param inner  for maps of maps, the inner map libbpf creates first
     */
    public record Creation(String name, int type, long keySize, long valueSize, long maxEntries, long flags,
                           long numaNode, long mapExtra, int ifindex, int btfKeyTypeId, int btfValueTypeId,
                           Optional<Creation> inner) {
        /**
         * With {@code max_entries} as libbpf sets it right before creating the map ({@code
         * map_set_def_max_entries}): a PERF_EVENT_ARRAY of 0 entries gets one per possible CPU. A load that failed
         * before libbpf reached its maps leaves that to do.
         */
        public Creation sized(int possibleCpus) {
            return type != PERF_EVENT_ARRAY || maxEntries != 0 ? this : new Creation(name, type, keySize, valueSize,
                    possibleCpus, flags, numaNode, mapExtra, ifindex, btfKeyTypeId, btfValueTypeId, inner);
        }

        /** STRUCT_OPS maps need the kernel's value type and libbpf's prepared value: they are not replayed. */
        public boolean replayable() {
            return type != STRUCT_OPS && inner.map(Creation::replayable).orElse(true);
        }
    }

    /**
     * The BTF facts of a map, read before the load: libbpf clears a map's BTF ids when it retries without BTF and
     * frees a map's inner map once the outer map is created, so neither can be read afterwards.
     */
    public record Before(int btfKeyTypeId, int btfValueTypeId, Optional<Creation> inner) {
    }

    public static Before before(MemorySegment map) {
        MemorySegment inner = INNER_MAP.pointer(map);
        return new Before(LibBpf.mapBtfKeyTypeId(map), LibBpf.mapBtfValueTypeId(map),
                inner.equals(MemorySegment.NULL) ? Optional.empty() : Optional.of(creation(inner, before(inner))));
    }

    /** The attribute libbpf sends for the map now: after a failed load it holds libbpf's adjustments. */
    public static Creation creation(MemorySegment map, Before before) {
        return new Creation(LibBpf.mapName(map), LibBpf.mapType(map), LibBpf.mapKeySize(map),
                LibBpf.mapValueSize(map), LibBpf.mapMaxEntries(map), LibBpf.mapFlags(map),
                NUMA_NODE.asUnsigned(map), MAP_EXTRA.asLong(map), IFINDEX.asInt(map), before.btfKeyTypeId(),
                before.btfValueTypeId(), before.inner());
    }

    /** Whether libbpf creates the map at all ({@code bpf_map__set_autocreate}, or global data on old kernels). */
    public static boolean autocreate(MemorySegment map) {
        return AUTOCREATE.asBoolean(map);
    }

    /** The descriptor of the object's BTF in the kernel (it stays open after a failed load), or -1. */
    public static int btfFd(MemorySegment obj) {
        MemorySegment btf = OBJECT_BTF.pointer(obj);
        return btf.equals(MemorySegment.NULL) ? -1 : BTF_FD.asInt(btf);
    }

    /** Why the kernel (or libbpf's check of a pinned map) refuses a map: the errno, and words when not the kernel's. */
    public record Refusal(int errno, String reason) {
    }

    /**
     * Does what libbpf does for the map and closes what it made at once: with a pin path where a map is pinned,
     * libbpf reuses it if its definition matches ({@code map_is_reuse_compat}) and fails with EINVAL if not;
     * otherwise it creates the map, its inner map first.
     *
     * @return empty when libbpf's steps for this map succeed
     */
    public static Optional<Refusal> refusal(Creation c, String pinPath, int btfFd) {
        if (!pinPath.isEmpty()) {
            int pinned = Bpf.obj(BpfCommand.OBJ_GET, pinPath, 0);
            if (pinned >= 0) {
                try {
                    return pinMismatch(c, pinPath, MapCommands.info(pinned));
                } finally {
                    Bpf.close(pinned);
                }
            }
            if (pinned != -Errnos.ENOENT) {
                return Optional.of(new Refusal(-pinned, "cannot open the map pinned at " + pinPath));
            }
        }
        int innerFd = -1;
        if (c.inner().isPresent()) {
            innerFd = create(c.inner().get(), btfFd, -1);
            if (innerFd < 0) {
                return Optional.of(new Refusal(-innerFd, ""));
            }
        }
        try {
            int fd = create(c, btfFd, innerFd);
            if (fd < 0) {
                return Optional.of(new Refusal(-fd, ""));
            }
            Bpf.close(fd);
            return Optional.empty();
        } finally {
            if (innerFd >= 0) {
                Bpf.close(innerFd);
            }
        }
    }

    private static Optional<Refusal> pinMismatch(Creation c, String pinPath, MapCommands.Info pinned) {
        if (pinned.errno() != 0) {
            return Optional.of(new Refusal(pinned.errno(), "cannot read the map pinned at " + pinPath));
        }
        StringBuilder diff = new StringBuilder();
        differ(diff, "type", pinned.type(), c.type());
        differ(diff, "key_size", pinned.keySize(), c.keySize());
        differ(diff, "value_size", pinned.valueSize(), c.valueSize());
        differ(diff, "max_entries", pinned.maxEntries(), c.maxEntries());
        differ(diff, "map_flags", pinned.flags(), c.flags());
        differ(diff, "map_extra", pinned.mapExtra(), c.mapExtra());
        return diff.isEmpty() ? Optional.empty() : Optional.of(new Refusal(Errnos.EINVAL, "the map pinned at "
                + pinPath + " has another definition, so libbpf does not reuse it (" + diff + ")"));
    }

    private static void differ(StringBuilder diff, String field, long pinned, long wanted) {
        if (pinned != wanted) {
            diff.append(diff.isEmpty() ? "" : ", ").append(field).append(' ').append(pinned).append(" pinned, ")
                    .append(wanted).append(" here");
        }
    }

    /** One map's attempts: with BTF when libbpf sends it, then without; @return the fd or -errno */
    private static int create(Creation c, int btfFd, int innerFd) {
        boolean btf = btfFd >= 0 && (c.btfKeyTypeId() != 0 || c.btfValueTypeId() != 0) && !clearsBtf(c.type());
        int fd = send(c, btf ? btfFd : 0, btf, innerFd);
        if (fd < 0 && btf) {
            fd = send(c, 0, false, innerFd);
        }
        return fd;
    }

    private static boolean clearsBtf(int type) {
        for (int t : NO_BTF_TYPES) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }

    private static int send(Creation c, int btfFd, boolean withIds, int innerFd) {
        return MapCommands.create(c.type(), c.keySize(), c.valueSize(), c.maxEntries(), c.flags(), c.name(),
                Math.max(innerFd, 0), c.mapExtra(), c.numaNode(), c.ifindex(), withIds
                        ? Optional.of(new MapCommands.BtfTypes(btfFd, c.btfKeyTypeId(), c.btfValueTypeId()))
                        : Optional.empty());
    }
}
