package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** The bpf() program commands used on loaded programs: BPF_PROG_TEST_RUN and BPF_OBJ_GET_INFO_BY_FD. */
public final class ProgramCommands {
    private ProgramCommands() {
    }

    /** What a test run asks for: the input, the room for output, and how to run. */
    public record TestRun(int progFd, byte[] dataIn, int dataOutSize, byte[] ctxIn, int ctxOutSize, int repeat,
                          int flags, int cpu) {
    }

    /**
     * What the kernel answered: {@code status} is 0 or -errno; the sizes are what it reported (the output arrays
     * hold at most the room given).
     */
    public record TestRunReply(long status, long retval, long duration, int dataSizeOut, int ctxSizeOut,
                               byte[] dataOut, byte[] ctxOut) {
    }

    public static TestRunReply testRun(TestRun run) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(BpfAttr.TestRun.SIZE, 8);
            MemorySegment dout = arena.allocate(Math.max(1, run.dataOutSize()), 8);
            MemorySegment cout = arena.allocate(Math.max(1, run.ctxOutSize()), 8);
            attr.set(JAVA_INT, BpfAttr.TestRun.PROG_FD, run.progFd());
            attr.set(JAVA_INT, BpfAttr.TestRun.DATA_SIZE_IN, run.dataIn().length);
            attr.set(JAVA_INT, BpfAttr.TestRun.DATA_SIZE_OUT, run.dataOutSize());
            attr.set(JAVA_LONG, BpfAttr.TestRun.DATA_IN, address(arena, run.dataIn()));
            attr.set(JAVA_LONG, BpfAttr.TestRun.DATA_OUT, run.dataOutSize() == 0 ? 0 : dout.address());
            attr.set(JAVA_INT, BpfAttr.TestRun.REPEAT, run.repeat());
            attr.set(JAVA_INT, BpfAttr.TestRun.CTX_SIZE_IN, run.ctxIn().length);
            attr.set(JAVA_INT, BpfAttr.TestRun.CTX_SIZE_OUT, run.ctxOutSize());
            attr.set(JAVA_LONG, BpfAttr.TestRun.CTX_IN, address(arena, run.ctxIn()));
            attr.set(JAVA_LONG, BpfAttr.TestRun.CTX_OUT, run.ctxOutSize() == 0 ? 0 : cout.address());
            attr.set(JAVA_INT, BpfAttr.TestRun.FLAGS, run.flags());
            attr.set(JAVA_INT, BpfAttr.TestRun.CPU, run.cpu());
            long r = BpfSyscall.bpf(Scratch.get().state, BpfCommand.PROG_TEST_RUN, attr, BpfAttr.TestRun.SIZE);
            int dataSize = attr.get(JAVA_INT, BpfAttr.TestRun.DATA_SIZE_OUT);
            int ctxSize = attr.get(JAVA_INT, BpfAttr.TestRun.CTX_SIZE_OUT);
            int dataLen = Math.max(0, Math.min(dataSize, run.dataOutSize()));
            int ctxLen = Math.max(0, Math.min(ctxSize, run.ctxOutSize()));
            return new TestRunReply(r, Integer.toUnsignedLong(attr.get(JAVA_INT, BpfAttr.TestRun.RETVAL)),
                    Integer.toUnsignedLong(attr.get(JAVA_INT, BpfAttr.TestRun.DURATION)), dataSize, ctxSize,
                    dout.asSlice(0, dataLen).toArray(JAVA_BYTE), cout.asSlice(0, ctxLen).toArray(JAVA_BYTE));
        }
    }

    private static long address(Arena arena, byte[] bytes) {
        if (bytes.length == 0) {
            return 0;
        }
        MemorySegment seg = arena.allocate(bytes.length, 8);
        MemorySegment.copy(bytes, 0, seg, JAVA_BYTE, 0, bytes.length);
        return seg.address();
    }
}
