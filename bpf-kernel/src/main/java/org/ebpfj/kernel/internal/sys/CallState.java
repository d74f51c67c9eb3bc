package org.ebpfj.kernel.internal.sys;

import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * The segment a downcall writes {@code errno} into ({@link Linker.Option#captureCallState}). Callers keep one per
 * thread and pass it to every call: allocating it per call costs several times the capture itself.
 */
public final class CallState {
    static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final StructLayout LAYOUT = Linker.Option.captureStateLayout();
    private static final long ERRNO_OFFSET = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("errno"));

    private CallState() {
    }

    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate(LAYOUT);
    }

    /** The errno the last call through this segment left behind. */
    public static int errno(MemorySegment state) {
        return state.get(ValueLayout.JAVA_INT, ERRNO_OFFSET);
    }

    /** The answer of a libc call that returns 0, or -1 with errno set: 0, or {@code -errno}. */
    static int zeroOrErrno(MemorySegment state, int result) {
        return result == 0 ? 0 : -errno(state);
    }
}
