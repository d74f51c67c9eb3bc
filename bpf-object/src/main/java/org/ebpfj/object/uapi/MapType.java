package org.ebpfj.object.uapi;

import java.util.Locale;
import java.util.Optional;

/**
 * The kernel's {@code enum bpf_map_type}, in UAPI order: {@link #id()} is the value passed to BPF_MAP_CREATE.
 * Names are the kernel's without the {@code BPF_MAP_TYPE_} prefix.
 */
public enum MapType {
    UNSPEC(0),
    HASH(1),
    ARRAY(2),
    PROG_ARRAY(3),
    PERF_EVENT_ARRAY(4),
    PERCPU_HASH(5),
    PERCPU_ARRAY(6),
    STACK_TRACE(7),
    CGROUP_ARRAY(8),
    LRU_HASH(9),
    LRU_PERCPU_HASH(10),
    LPM_TRIE(11),
    ARRAY_OF_MAPS(12),
    HASH_OF_MAPS(13),
    DEVMAP(14),
    SOCKMAP(15),
    CPUMAP(16),
    XSKMAP(17),
    SOCKHASH(18),
    CGROUP_STORAGE(19),
    REUSEPORT_SOCKARRAY(20),
    PERCPU_CGROUP_STORAGE(21),
    QUEUE(22),
    STACK(23),
    SK_STORAGE(24),
    DEVMAP_HASH(25),
    STRUCT_OPS(26),
    RINGBUF(27),
    INODE_STORAGE(28),
    TASK_STORAGE(29),
    BLOOM_FILTER(30),
    USER_RINGBUF(31),
    CGRP_STORAGE(32),
    ARENA(33);

    private static final MapType[] BY_ID = values();

    private final int id;

    MapType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The kernel's constant name, e.g. {@code BPF_MAP_TYPE_HASH}. */
    public String kernelName() {
        return "BPF_MAP_TYPE_" + name();
    }

    public static Optional<MapType> byId(long id) {
        return id >= 0 && id < BY_ID.length ? Optional.of(BY_ID[(int) id]) : Optional.empty();
    }

    /** Accepts {@code HASH}, {@code hash} and {@code BPF_MAP_TYPE_HASH}. */
    public static Optional<MapType> byName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("BPF_MAP_TYPE_")) {
            n = n.substring("BPF_MAP_TYPE_".length());
        }
        for (MapType t : BY_ID) {
            if (t.name().equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public boolean isHash() {
        return this == HASH || this == PERCPU_HASH || this == LRU_HASH || this == LRU_PERCPU_HASH;
    }

    public boolean isLru() {
        return this == LRU_HASH || this == LRU_PERCPU_HASH;
    }

    /** Types whose values are stored once per possible CPU: user space reads and writes one value per CPU. */
    public boolean isPerCpu() {
        return this == PERCPU_HASH || this == PERCPU_ARRAY || this == LRU_PERCPU_HASH
                || this == PERCPU_CGROUP_STORAGE;
    }

    /** Types without a key: user space pushes and pops values (QUEUE, STACK) or reads records (ring buffers). */
    public boolean isKeyless() {
        return this == QUEUE || this == STACK || this == RINGBUF || this == USER_RINGBUF
                || this == BLOOM_FILTER || this == ARENA;
    }

    /** Types whose values are file descriptors of other kernel objects (programs, maps, perf events, sockets). */
    public boolean holdsFileDescriptors() {
        return this == PROG_ARRAY || this == PERF_EVENT_ARRAY || this == CGROUP_ARRAY
                || this == ARRAY_OF_MAPS || this == HASH_OF_MAPS || this == SOCKMAP || this == SOCKHASH
                || this == DEVMAP || this == DEVMAP_HASH || this == XSKMAP || this == CPUMAP
                || this == REUSEPORT_SOCKARRAY;
    }

    public boolean isMapInMap() {
        return this == ARRAY_OF_MAPS || this == HASH_OF_MAPS;
    }
}
