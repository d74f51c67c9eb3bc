package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.spec.MapSpec;

/** Small bpf() commands shared by maps, programs and probes; each returns a result or {@code -errno}. */
public final class Bpf {
    private Bpf() {
    }

    public static void zero(MemorySegment attr, int size) {
        attr.asSlice(0, size).fill((byte) 0);
    }

    /**
     * What {@link #createMap(MapCreateAttr, int)} sends for a spec: its own fields as unsigned 32-bit values, the
     * name as {@link #sentName}, no BTF, and the inner map (without an inner map of its own) for maps of maps.
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
    public static int createMap(MapCreateAttr a, int innerMapFd) {
        return createMap((int) a.typeId(), a.keySize(), a.valueSize(), a.maxEntries(), a.flags(), a.name(),
                innerMapFd, a.mapExtra(), a.numaNode());
    }

    /** BPF_MAP_CREATE; @return the new fd or -errno */
    public static int createMap(int type, long keySize, long valueSize, long maxEntries, long flags, String name,
                         int innerMapFd, long mapExtra, long numaNode) {
        Scratch s = Scratch.get();
        MemorySegment a = s.attr;
        zero(a, BpfAttr.MapCreate.SIZE);
        a.set(JAVA_INT, BpfAttr.MapCreate.MAP_TYPE, type);
        a.set(JAVA_INT, BpfAttr.MapCreate.KEY_SIZE, (int) keySize);
        a.set(JAVA_INT, BpfAttr.MapCreate.VALUE_SIZE, (int) valueSize);
        a.set(JAVA_INT, BpfAttr.MapCreate.MAX_ENTRIES, (int) maxEntries);
        a.set(JAVA_INT, BpfAttr.MapCreate.MAP_FLAGS, (int) flags);
        a.set(JAVA_INT, BpfAttr.MapCreate.INNER_MAP_FD, innerMapFd);
        a.set(JAVA_INT, BpfAttr.MapCreate.NUMA_NODE, (int) numaNode);
        a.set(JAVA_LONG, BpfAttr.MapCreate.MAP_EXTRA, mapExtra);
        byte[] n = sentName(name).getBytes(StandardCharsets.US_ASCII);
        MemorySegment.copy(n, 0, a, JAVA_BYTE, BpfAttr.MapCreate.MAP_NAME, n.length);
        return (int) BpfSyscall.bpf(s.state, BpfCommand.MAP_CREATE, a, BpfAttr.MapCreate.SIZE);
    }

    /** BPF_OBJ_GET_INFO_BY_FD into {@code info}; @return 0 or -errno */
    public static int objInfo(int fd, MemorySegment info) {
        Scratch s = Scratch.get();
        MemorySegment a = s.attr;
        zero(a, BpfAttr.Info.SIZE);
        a.set(JAVA_INT, BpfAttr.Info.BPF_FD, fd);
        a.set(JAVA_INT, BpfAttr.Info.INFO_LEN, (int) info.byteSize());
        a.set(JAVA_LONG, BpfAttr.Info.INFO, info.address());
        return (int) BpfSyscall.bpf(s.state, BpfCommand.OBJ_GET_INFO_BY_FD, a, BpfAttr.Info.SIZE);
    }

    /** BPF_*_GET_NEXT_ID; @return the next id, 0 at the end, or -errno */
    public static long nextId(int cmd, int startId) {
        Scratch s = Scratch.get();
        MemorySegment a = s.attr;
        zero(a, BpfAttr.GetId.SIZE);
        a.set(JAVA_INT, BpfAttr.GetId.START_ID, startId);
        long r = BpfSyscall.bpf(s.state, cmd, a, BpfAttr.GetId.SIZE);
        if (r == -2) {
            return 0;
        }
        return r < 0 ? r : Integer.toUnsignedLong(a.get(JAVA_INT, BpfAttr.GetId.NEXT_ID));
    }

    /** BPF_MAP_GET_FD_BY_ID / BPF_PROG_GET_FD_BY_ID; @return fd or -errno */
    public static int fdById(int cmd, int id) {
        Scratch s = Scratch.get();
        MemorySegment a = s.attr;
        zero(a, BpfAttr.GetId.SIZE);
        a.set(JAVA_INT, BpfAttr.GetId.ID, id);
        return (int) BpfSyscall.bpf(s.state, cmd, a, BpfAttr.GetId.SIZE);
    }

    /** BPF_OBJ_GET (open a pinned object) or BPF_OBJ_PIN; @return fd / 0, or -errno */
    public static int obj(int cmd, String path, int fd) {
        Scratch s = Scratch.get();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocateFrom(path);
            MemorySegment a = s.attr;
            zero(a, BpfAttr.Obj.SIZE);
            a.set(JAVA_LONG, BpfAttr.Obj.PATHNAME, p.address());
            a.set(JAVA_INT, BpfAttr.Obj.BPF_FD, fd);
            return (int) BpfSyscall.bpf(s.state, cmd, a, BpfAttr.Obj.SIZE);
        }
    }

    /** BPF_PROG_LOAD of a tiny program (feature probes); @return fd or -errno */
    public static int loadProgram(int type, int expectedAttachType, int progFlags, long[] insns) {
        Scratch s = Scratch.get();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment code = arena.allocate(8L * insns.length, 8);
            MemorySegment.copy(insns, 0, code, JAVA_LONG, 0, insns.length);
            MemorySegment license = arena.allocateFrom("GPL");
            MemorySegment a = s.attr;
            zero(a, BpfAttr.ProgLoad.SIZE);
            a.set(JAVA_INT, BpfAttr.ProgLoad.PROG_TYPE, type);
            a.set(JAVA_INT, BpfAttr.ProgLoad.INSN_CNT, insns.length);
            a.set(JAVA_LONG, BpfAttr.ProgLoad.INSNS, code.address());
            a.set(JAVA_LONG, BpfAttr.ProgLoad.LICENSE, license.address());
            a.set(JAVA_INT, BpfAttr.ProgLoad.EXPECTED_ATTACH_TYPE, expectedAttachType);
            a.set(JAVA_INT, BpfAttr.ProgLoad.PROG_FLAGS, progFlags);
            return (int) BpfSyscall.bpf(s.state, BpfCommand.PROG_LOAD, a, BpfAttr.ProgLoad.SIZE);
        }
    }

    /** close(2); errors are ignored by callers that only release (the fd is gone either way on Linux). */
    public static int close(int fd) {
        return Libc.close(Scratch.get().state, fd);
    }
}
