package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Small bpf() commands shared by maps, programs and probes (ids, pins, info, tiny program loads); each returns a
 * result or {@code -errno}. Map commands are in {@link MapCommands}.
 */
public final class Bpf {
    private Bpf() {
    }

    public static void zero(MemorySegment attr, int size) {
        attr.asSlice(0, size).fill((byte) 0);
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
    public static long nextId(BpfCommand cmd, int startId) {
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
    public static int fdById(BpfCommand cmd, int id) {
        Scratch s = Scratch.get();
        MemorySegment a = s.attr;
        zero(a, BpfAttr.GetId.SIZE);
        a.set(JAVA_INT, BpfAttr.GetId.ID, id);
        return (int) BpfSyscall.bpf(s.state, cmd, a, BpfAttr.GetId.SIZE);
    }

    /** BPF_OBJ_GET (open a pinned object) or BPF_OBJ_PIN; @return fd / 0, or -errno */
    public static int obj(BpfCommand cmd, String path, int fd) {
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
        return loadProgram(type, expectedAttachType, progFlags, 0, insns);
    }

    /** The same, for a program that names its target by BTF id (fentry and the other tracing kinds). */
    public static int loadProgram(int type, int expectedAttachType, int progFlags, int attachBtfId, long[] insns) {
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
            a.set(JAVA_INT, BpfAttr.ProgLoad.ATTACH_BTF_ID, attachBtfId);
            return (int) BpfSyscall.bpf(s.state, BpfCommand.PROG_LOAD, a, BpfAttr.ProgLoad.SIZE);
        }
    }

    /** close(2); errors are ignored by callers that only release (the fd is gone either way on Linux). */
    public static int close(int fd) {
        return Libc.close(Scratch.get().state, fd);
    }
}
