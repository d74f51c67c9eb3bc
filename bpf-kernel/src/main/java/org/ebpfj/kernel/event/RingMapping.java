package org.ebpfj.kernel.event;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

import org.ebpfj.kernel.error.MapOperationException;
import org.ebpfj.kernel.internal.sys.CallState;
import org.ebpfj.kernel.internal.sys.EventSys;
import org.ebpfj.kernel.map.RawMap;

/**
 * The memory of a {@code RINGBUF} or {@code USER_RINGBUF} map: the consumer page, then the producer page and the
 * data, which the kernel maps twice in a row so that a record wrapping the end is still contiguous. The side that
 * consumes writes the consumer page and the side that produces the producer page and data; the mappings live
 * until {@code arena} closes.
 */
record RingMapping(MemorySegment consumer, MemorySegment producer, MemorySegment data, long mask) {
    static final long PAGE = 4096;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    /** Maps {@code map}; {@code userProduces} picks which side is writable (USER_RINGBUF: the producer side). */
    static RingMapping of(RawMap map, boolean userProduces, Arena arena, String what) {
        long size = map.maxEntries();
        int rw = EventSys.PROT_READ | EventSys.PROT_WRITE;
        MemorySegment state = CallState.allocate(arena);
        MemorySegment consumer = map(state, map, PAGE, userProduces ? EventSys.PROT_READ : rw, 0, arena, what);
        MemorySegment pd = map(state, map, PAGE + 2 * size, userProduces ? rw : EventSys.PROT_READ, PAGE, arena,
                what);
        return new RingMapping(consumer, pd.asSlice(0, PAGE), pd.asSlice(PAGE, 2 * size), size - 1);
    }

    private static MemorySegment map(MemorySegment state, RawMap map, long length, int prot, long offset,
                                     Arena arena, String what) {
        MemorySegment m = EventSys.mmap(state, map.fd(), length, prot, offset, arena);
        if (m.equals(MemorySegment.NULL)) {
            throw new MapOperationException(map.name(), "mmap of the " + what, CallState.errno(state), "");
        }
        return m;
    }

    long capacity() {
        return mask + 1;
    }

    /** Bytes produced and not consumed yet (records, headers and discarded ones included). */
    long pending() {
        return (long) LONG.getAcquire(producer, 0L) - (long) LONG.getAcquire(consumer, 0L);
    }
}
