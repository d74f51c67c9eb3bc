package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The smallest kernel requests that reveal a machine's known limits (see {@code MachineLimit}): a fentry program
 * on a real kernel function, and a one-page ARENA map. Each returns an fd (closed by the caller) or -errno.
 */
public final class LimitProbes {
    private static final MethodHandle FIND_VMLINUX_BTF_ID = Native.downcall(Native.library(LibBpf.LIBRARY),
            LibBpf.LIBRARY, "libbpf_find_vmlinux_btf_id", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final int PROG_TYPE_TRACING = 26;
    private static final int TRACE_FENTRY = 24;
    /** {@code bpf_attr} for BPF_PROG_LOAD up to attach_prog_fd; attach_btf_id sits at 108. */
    private static final int PROG_LOAD_SIZE = 120;
    private static final long ATTACH_BTF_ID = 108;
    private static final int MAP_TYPE_ARENA = 33;
    private static final int F_MMAPABLE = 1 << 10;
    private static final long[] RETURN_ZERO = {0x00000000_000000b7L, 0x00000000_00000095L};

    private LimitProbes() {
    }

    /** The vmlinux BTF id of {@code function} as a fentry target, or -errno (no vmlinux BTF, no such function). */
    public static int fentryTarget(String function) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) FIND_VMLINUX_BTF_ID.invokeExact(arena.allocateFrom(function), TRACE_FENTRY);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Loads {@code r0 = 0; exit} as a fentry program on the vmlinux function with BTF id {@code btfId}. */
    public static int loadFentry(int btfId) {
        Scratch s = Scratch.get();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment code = arena.allocate(8L * RETURN_ZERO.length, 8);
            MemorySegment.copy(RETURN_ZERO, 0, code, JAVA_LONG, 0, RETURN_ZERO.length);
            MemorySegment license = arena.allocateFrom("GPL");
            MemorySegment a = s.attr;
            Bpf.zero(a, PROG_LOAD_SIZE);
            a.set(JAVA_INT, BpfAttr.ProgLoad.PROG_TYPE, PROG_TYPE_TRACING);
            a.set(JAVA_INT, BpfAttr.ProgLoad.INSN_CNT, RETURN_ZERO.length);
            a.set(JAVA_LONG, BpfAttr.ProgLoad.INSNS, code.address());
            a.set(JAVA_LONG, BpfAttr.ProgLoad.LICENSE, license.address());
            a.set(JAVA_INT, BpfAttr.ProgLoad.EXPECTED_ATTACH_TYPE, TRACE_FENTRY);
            a.set(JAVA_INT, ATTACH_BTF_ID, btfId);
            return (int) BpfSyscall.bpf(s.state, BpfCommand.PROG_LOAD, a, PROG_LOAD_SIZE);
        }
    }

    /** Creates a one-page ARENA map (kernels 6.9+). */
    public static int createArena() {
        return MapCommands.create(MAP_TYPE_ARENA, 0, 0, 1, F_MMAPABLE, "ebpfj_arena", 0, 0, 0);
    }
}
