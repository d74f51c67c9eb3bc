package org.ebpfj.object.machine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.ebpfj.object.uapi.ProgramType;

/**
 * The mainline release that introduced each map type, map-create flag and program type (from the UAPI history of
 * {@code include/uapi/linux/bpf.h}). A kernel older than that answers EINVAL: the type is not in
 * {@code bpf_map_types[]} (or {@code bpf_prog_types[]}), the flag is in no type's create mask.
 */
public final class UapiHistory {

    private static final Map<MapType, KernelVersion> TYPES = new EnumMap<>(MapType.class);
    private static final Map<MapFlag, KernelVersion> FLAGS = new EnumMap<>(MapFlag.class);
    private static final Map<ProgramType, KernelVersion> PROGRAMS = new EnumMap<>(ProgramType.class);

    static {
        type("3.19", MapType.HASH, MapType.ARRAY);
        type("4.2", MapType.PROG_ARRAY);
        type("4.3", MapType.PERF_EVENT_ARRAY);
        type("4.6", MapType.PERCPU_HASH, MapType.PERCPU_ARRAY, MapType.STACK_TRACE);
        type("4.8", MapType.CGROUP_ARRAY);
        type("4.10", MapType.LRU_HASH, MapType.LRU_PERCPU_HASH);
        type("4.11", MapType.LPM_TRIE);
        type("4.12", MapType.ARRAY_OF_MAPS, MapType.HASH_OF_MAPS);
        type("4.14", MapType.DEVMAP, MapType.SOCKMAP);
        type("4.15", MapType.CPUMAP);
        type("4.18", MapType.XSKMAP, MapType.SOCKHASH);
        type("4.19", MapType.CGROUP_STORAGE, MapType.REUSEPORT_SOCKARRAY);
        type("4.20", MapType.PERCPU_CGROUP_STORAGE, MapType.QUEUE, MapType.STACK);
        type("5.2", MapType.SK_STORAGE);
        type("5.4", MapType.DEVMAP_HASH);
        type("5.6", MapType.STRUCT_OPS);
        type("5.8", MapType.RINGBUF);
        type("5.10", MapType.INODE_STORAGE);
        type("5.11", MapType.TASK_STORAGE);
        type("5.16", MapType.BLOOM_FILTER);
        type("6.1", MapType.USER_RINGBUF);
        type("6.2", MapType.CGRP_STORAGE);
        type("6.9", MapType.ARENA);

        flag("4.6", MapFlag.NO_PREALLOC);
        flag("4.10", MapFlag.NO_COMMON_LRU);
        flag("4.14", MapFlag.NUMA_NODE);
        flag("4.15", MapFlag.RDONLY, MapFlag.WRONLY);
        flag("4.17", MapFlag.STACK_BUILD_ID);
        flag("5.0", MapFlag.ZERO_SEED);
        flag("5.2", MapFlag.RDONLY_PROG, MapFlag.WRONLY_PROG, MapFlag.CLONE);
        flag("5.5", MapFlag.MMAPABLE);
        flag("5.10", MapFlag.PRESERVE_ELEMS, MapFlag.INNER_MAP);
        flag("6.4", MapFlag.LINK);
        flag("6.5", MapFlag.PATH_FD);
        flag("6.9", MapFlag.VTYPE_BTF_OBJ_FD, MapFlag.TOKEN_FD, MapFlag.SEGV_ON_FAULT, MapFlag.NO_USER_CONV);

        program("3.19", ProgramType.SOCKET_FILTER);
        program("4.1", ProgramType.KPROBE, ProgramType.SCHED_CLS, ProgramType.SCHED_ACT);
        program("4.7", ProgramType.TRACEPOINT);
        program("4.8", ProgramType.XDP);
        program("4.9", ProgramType.PERF_EVENT);
        program("4.10", ProgramType.CGROUP_SKB, ProgramType.CGROUP_SOCK, ProgramType.LWT_IN, ProgramType.LWT_OUT,
                ProgramType.LWT_XMIT);
        program("4.13", ProgramType.SOCK_OPS);
        program("4.14", ProgramType.SK_SKB);
        program("4.15", ProgramType.CGROUP_DEVICE);
        program("4.17", ProgramType.SK_MSG, ProgramType.RAW_TRACEPOINT, ProgramType.CGROUP_SOCK_ADDR);
        program("4.18", ProgramType.LWT_SEG6LOCAL, ProgramType.LIRC_MODE2);
        program("4.19", ProgramType.SK_REUSEPORT);
        program("4.20", ProgramType.FLOW_DISSECTOR);
        program("5.2", ProgramType.CGROUP_SYSCTL, ProgramType.RAW_TRACEPOINT_WRITABLE);
        program("5.3", ProgramType.CGROUP_SOCKOPT);
        program("5.5", ProgramType.TRACING);
        program("5.6", ProgramType.STRUCT_OPS, ProgramType.EXT);
        program("5.7", ProgramType.LSM);
        program("5.9", ProgramType.SK_LOOKUP);
        program("5.14", ProgramType.SYSCALL);
        program("6.4", ProgramType.NETFILTER);
    }

    private UapiHistory() {
    }

    private static void type(String since, MapType... types) {
        for (MapType t : types) {
            TYPES.put(t, KernelVersion.parse(since));
        }
    }

    private static void program(String since, ProgramType... types) {
        for (ProgramType t : types) {
            PROGRAMS.put(t, KernelVersion.parse(since));
        }
    }

    private static void flag(String since, MapFlag... flags) {
        for (MapFlag f : flags) {
            FLAGS.put(f, KernelVersion.parse(since));
        }
    }

    /** The release that introduced the type; UNSPEC was never creatable and reports 0.0. */
    public static KernelVersion since(MapType type) {
        return TYPES.getOrDefault(type, KernelVersion.of(0, 0));
    }

    public static KernelVersion since(MapFlag flag) {
        return FLAGS.get(flag);
    }

    /**
     * The release that introduced the program type; UNSPEC reports 0.0. Whether a kernel of that release can load
     * one still depends on its configuration (e.g. LIRC_MODE2 needs {@code CONFIG_BPF_LIRC_MODE2}, LSM programs
     * need "bpf" among the active LSMs to attach).
     */
    public static KernelVersion since(ProgramType type) {
        return PROGRAMS.getOrDefault(type, KernelVersion.of(0, 0));
    }

    /** The map_extra attribute (bloom filter hash count) arrived with BLOOM_FILTER. */
    public static KernelVersion mapExtraSince() {
        return since(MapType.BLOOM_FILTER);
    }

    /**
     * LRU maps size their per-CPU free batches as clamp(max_entries / possible CPUs / 2, 1, 128) since commit
     * d4adf1c9ee77 ("bpf: Adjust free target to avoid global starvation of LRU map", first in 6.16); before, every
     * batch was 128. Stable series took it in July 2025, so the point release decides, not the major.minor:
     * <ul>
     *   <li>6.15.7 and 6.6.99: the commit is in the shortlogs of the 6.15.7-rc1 and 6.6.99-rc1 stable reviews
     *       (15 July 2025) and in linux-stable-rc's linux-6.6.y push of that day;</li>
     *   <li>6.12.39: the 6.12.39-rc1 review of the same batch; measured in a guest of Debian's 6.12.118, whose
     *       10-entry LRU keeps 9 of 11 keys on 2 CPUs (clamped; unclamped keeps 1);</li>
     *   <li>not 6.1: the 6.1.146-rc1 review of that batch lacks it, and Debian's 6.1.192 keeps 1 (measured);</li>
     *   <li>not 5.10: Debian's 5.10.262 keeps 1 (measured). 5.15 is unverified and taken not to carry it.</li>
     * </ul>
     */
    public static final StableBackport LRU_CLAMPED_TARGET_FREE = new StableBackport("d4adf1c9ee77",
            "bpf: Adjust free target to avoid global starvation of LRU map", KernelVersion.of(6, 16), List.of(
                    new StableBackport.Series(KernelVersion.parse("6.15.7"), "6.15.7-rc1 stable review shortlog"),
                    new StableBackport.Series(KernelVersion.parse("6.12.39"),
                            "6.12.39-rc1 stable review (same batch); measured clamped on Debian 6.12.118"),
                    new StableBackport.Series(KernelVersion.parse("6.6.99"),
                            "6.6.99-rc1 stable review shortlog, linux-stable-rc linux-6.6.y")));

    /** Whether LRU free batches are clamped on this kernel ({@link #LRU_CLAMPED_TARGET_FREE}). */
    public static boolean lruClampedTargetFree(KernelVersion version) {
        return LRU_CLAMPED_TARGET_FREE.carriedBy(version);
    }
}
