package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.spec.MapSpec;

/**
 * The bpf() map commands: BPF_MAP_CREATE, the single-element commands, the batch commands and
 * BPF_OBJ_GET_INFO_BY_FD of a map. The only code that fills their {@code bpf_attr}; each returns what the kernel
 * returned ({@code -errno} on failure), and the caller decides what an errno means for its map.
 */
public final class MapCommands {
    private MapCommands() {
    }

    /**
     * What {@link #create(MapCreateAttr, int)} sends for a spec: its own fields as unsigned 32-bit values, the name
     * as {@link #sentName}, no BTF, and the inner map (without an inner map of its own) for maps of maps.
     */
    public static MapCreateAttr attributeOf(MapSpec spec) {
        return attributeOf(spec, true);
    }

    private static MapCreateAttr attributeOf(MapSpec spec, boolean withInner) {
        long u32 = MapCreateAttr.U32_MAX;
        return MapCreateAttr.builder(Integer.toUnsignedLong(spec.typeId()))
                .keySize(spec.keySize() & u32)
                .valueSize(spec.valueSize() & u32)
                .maxEntries(spec.maxEntries() & u32)
                .flags(spec.flags() & u32)
                .mapExtra(spec.mapExtra())
                .numaNode(spec.numaNode() & u32)
                .name(sentName(spec.name()))
                .innerMap(withInner ? spec.innerMap().map(i -> attributeOf(i, false)).orElse(null) : null)
                .build();
    }

    /** The name as {@code map_name} holds it: ASCII (other characters become '?'), at most 15 bytes and a NUL. */
    public static String sentName(String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        return new String(n, 0, Math.min(n.length, BpfAttr.MapCreate.NAME_CAPACITY - 1), StandardCharsets.US_ASCII);
    }

    /** BPF_MAP_CREATE of an attribute (its BTF fields are not sent); @return the new fd or -errno */
    public static int create(MapCreateAttr a, int innerMapFd) {
        return create((int) a.typeId(), a.keySize(), a.valueSize(), a.maxEntries(), a.flags(), a.name(),
                innerMapFd, a.mapExtra(), a.numaNode());
    }

    /** BPF_MAP_CREATE; @return the new fd or -errno */
    public static int create(int type, long keySize, long valueSize, long maxEntries, long flags, String name,
                             int innerMapFd, long mapExtra, long numaNode) {
        return create(type, keySize, valueSize, maxEntries, flags, name, innerMapFd, mapExtra, numaNode, 0,
                Optional.empty());
    }

    /** The BTF a map's key and value types are described in: the BTF object's fd and the two type ids. */
    public record BtfTypes(int fd, int keyTypeId, int valueTypeId) {
    }

    /** BPF_MAP_CREATE with everything libbpf also sends (the device ifindex, BTF types); @return the fd or -errno */
    public static int create(int type, long keySize, long valueSize, long maxEntries, long flags, String name,
                             int innerMapFd, long mapExtra, long numaNode, int ifindex, Optional<BtfTypes> btf) {
        Scratch s = Scratch.get();
        MemorySegment a = s.attr;
        Bpf.zero(a, BpfAttr.MapCreate.SIZE);
        a.set(JAVA_INT, BpfAttr.MapCreate.MAP_TYPE, type);
        a.set(JAVA_INT, BpfAttr.MapCreate.KEY_SIZE, (int) keySize);
        a.set(JAVA_INT, BpfAttr.MapCreate.VALUE_SIZE, (int) valueSize);
        a.set(JAVA_INT, BpfAttr.MapCreate.MAX_ENTRIES, (int) maxEntries);
        a.set(JAVA_INT, BpfAttr.MapCreate.MAP_FLAGS, (int) flags);
        a.set(JAVA_INT, BpfAttr.MapCreate.INNER_MAP_FD, innerMapFd);
        a.set(JAVA_INT, BpfAttr.MapCreate.NUMA_NODE, (int) numaNode);
        a.set(JAVA_LONG, BpfAttr.MapCreate.MAP_EXTRA, mapExtra);
        a.set(JAVA_INT, BpfAttr.MapCreate.MAP_IFINDEX, ifindex);
        btf.ifPresent(b -> {
            a.set(JAVA_INT, BpfAttr.MapCreate.BTF_FD, b.fd());
            a.set(JAVA_INT, BpfAttr.MapCreate.BTF_KEY_TYPE_ID, b.keyTypeId());
            a.set(JAVA_INT, BpfAttr.MapCreate.BTF_VALUE_TYPE_ID, b.valueTypeId());
        });
        byte[] n = sentName(name).getBytes(StandardCharsets.US_ASCII);
        MemorySegment.copy(n, 0, a, JAVA_BYTE, BpfAttr.MapCreate.MAP_NAME, n.length);
        return (int) BpfSyscall.bpf(s.state, BpfCommand.MAP_CREATE, a, BpfAttr.MapCreate.SIZE);
    }

    /** One element command on the calling thread's attr, with explicit addresses; @return 0 or -errno */
    public static int elem(Scratch s, BpfCommand cmd, int fd, long key, long value, long flags) {
        MemorySegment a = s.attr;
        a.set(JAVA_INT, BpfAttr.Elem.MAP_FD, fd);
        a.set(JAVA_INT, BpfAttr.Elem.PAD, 0);
        a.set(JAVA_LONG, BpfAttr.Elem.KEY, key);
        a.set(JAVA_LONG, BpfAttr.Elem.VALUE, value);
        a.set(JAVA_LONG, BpfAttr.Elem.FLAGS, flags);
        return (int) BpfSyscall.bpf(s.state, cmd, a, BpfAttr.Elem.SIZE);
    }

    /** One batch command on the calling thread's attr; @return 0 or -errno, with the count in {@code countOut[0]} */
    public static int batch(BpfCommand cmd, int fd, long inBatch, long outBatch, long keys, long values, int count,
                            long elemFlags, int[] countOut) {
        Scratch s = Scratch.get();
        MemorySegment a = s.attr;
        a.set(JAVA_LONG, BpfAttr.Batch.IN_BATCH, inBatch);
        a.set(JAVA_LONG, BpfAttr.Batch.OUT_BATCH, outBatch);
        a.set(JAVA_LONG, BpfAttr.Batch.KEYS, keys);
        a.set(JAVA_LONG, BpfAttr.Batch.VALUES, values);
        a.set(JAVA_INT, BpfAttr.Batch.COUNT, count);
        a.set(JAVA_INT, BpfAttr.Batch.MAP_FD, fd);
        a.set(JAVA_LONG, BpfAttr.Batch.ELEM_FLAGS, elemFlags);
        a.set(JAVA_LONG, BpfAttr.Batch.FLAGS, 0);
        int r = (int) BpfSyscall.bpf(s.state, cmd, a, BpfAttr.Batch.SIZE);
        countOut[0] = a.get(JAVA_INT, BpfAttr.Batch.COUNT);
        return r;
    }

    /**
     * {@code struct bpf_map_info} of a map, as the kernel fills it; {@code errno} is 0 on success (the other fields
     * are then meaningful). Sizes are unsigned 32-bit values.
     */
    public record Info(int errno, int type, int id, long keySize, long valueSize, long maxEntries, long flags,
                       String name, int btfId, int btfKeyTypeId, int btfValueTypeId, long mapExtra) {
    }

    /** BPF_OBJ_GET_INFO_BY_FD of a map. */
    public static Info info(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(BpfInfo.Map.SIZE, 8);
            int r = Bpf.objInfo(fd, info);
            if (r < 0) {
                return new Info(-r, 0, 0, 0, 0, 0, 0, "", 0, 0, 0, 0);
            }
            return new Info(0, info.get(JAVA_INT, BpfInfo.Map.TYPE), info.get(JAVA_INT, BpfInfo.Map.ID),
                    Integer.toUnsignedLong(info.get(JAVA_INT, BpfInfo.Map.KEY_SIZE)),
                    Integer.toUnsignedLong(info.get(JAVA_INT, BpfInfo.Map.VALUE_SIZE)),
                    Integer.toUnsignedLong(info.get(JAVA_INT, BpfInfo.Map.MAX_ENTRIES)),
                    Integer.toUnsignedLong(info.get(JAVA_INT, BpfInfo.Map.MAP_FLAGS)),
                    info.asSlice(BpfInfo.Map.NAME, 16).getString(0),
                    info.get(JAVA_INT, BpfInfo.Map.BTF_ID), info.get(JAVA_INT, BpfInfo.Map.BTF_KEY_TYPE_ID),
                    info.get(JAVA_INT, BpfInfo.Map.BTF_VALUE_TYPE_ID), info.get(JAVA_LONG, BpfInfo.Map.MAP_EXTRA));
        }
    }
}
