package org.ebpfj.kernel.event;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The readers' own access to the buffers they mapped, by absolute address through one segment over the whole
 * address space. Being a {@code static final} constant of global scope, it lets the JIT fold every bounds and
 * liveness check away and keep nothing to reload after an acquire read: per record, a ring buffer's header read
 * is then one load, as in C. A segment over a reader's own mapping would have its address, size and session
 * reloaded after each acquire read (an acquire is a compiler barrier), with the checks repeated.
 *
 * <p>The checks move to the reader: it reads here only between {@link Poller#enter} and {@link Poller#leave},
 * and its close waits for that section to end before it unmaps, so every address read is mapped. Never hand this
 * segment to user code; handlers get a bounded segment scoped to the pass.
 */
final class AddressSpace {
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private AddressSpace() {
    }

    static int intAcquire(long address) {
        return (int) INT.getAcquire(ALL, address);
    }

    static long longAcquire(long address) {
        return (long) LONG.getAcquire(ALL, address);
    }

    static long getLong(long address) {
        return ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, address);
    }

    static int getInt(long address) {
        return ALL.get(ValueLayout.JAVA_INT_UNALIGNED, address);
    }

    static void setLongRelease(long address, long value) {
        LONG.setRelease(ALL, address, value);
    }
}
