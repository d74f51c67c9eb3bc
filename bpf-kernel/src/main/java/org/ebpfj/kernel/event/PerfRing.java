package org.ebpfj.kernel.event;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * One CPU's perf ring: {@code struct perf_event_mmap_page} followed by the data pages. The kernel advances
 * {@code data_head}; the reader reads it with acquire semantics, reads the records up to it and publishes
 * {@code data_tail} with release semantics. A record that wraps the ring's end is copied into a scratch buffer so
 * the handler sees it contiguous.
 */
final class PerfRing {
    /** Offsets in {@code struct perf_event_mmap_page} (include/uapi/linux/perf_event.h). */
    private static final long DATA_HEAD = 1024;
    private static final long DATA_TAIL = 1032;
    private static final int RECORD_LOST = 2;
    private static final int RECORD_SAMPLE = 9;
    /** {@code struct perf_event_header}: u32 type, u16 misc, u16 size. */
    private static final long HEADER = 8;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    /** Records are 8-byte aligned in the ring: plain reads, no alignment check needed per access. */
    private static final ValueLayout.OfLong HEADER_WORD = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;

    final int cpu;
    final int fd;
    private final MemorySegment meta;
    private final MemorySegment data;
    private final long mask;
    private final MemorySegment scratch;

    PerfRing(int cpu, int fd, MemorySegment mapping, long page, MemorySegment scratch) {
        this.cpu = cpu;
        this.fd = fd;
        this.meta = mapping.asSlice(0, page);
        this.data = mapping.asSlice(page);
        this.mask = data.byteSize() - 1;
        this.scratch = scratch;
    }

    /** Bytes written and not yet consumed. */
    long pending() {
        return (long) LONG.getAcquire(meta, DATA_HEAD) - meta.get(JAVA_LONG, DATA_TAIL);
    }

    /**
     * Hands samples to {@code handler} (at most {@code max}); adds lost-record counts to {@code lost[0]}.
     *
     * @return samples handed out
     */
    int drain(RecordHandler handler, int max, long[] lost) {
        long head = (long) LONG.getAcquire(meta, DATA_HEAD);
        long tail = meta.get(JAVA_LONG, DATA_TAIL);
        long capacity = mask + 1;
        int n = 0;
        try {
            while (tail < head && n < max) {
                long at = tail & mask;
                // The whole perf_event_header in one read: type in the low 32 bits, size in the top 16.
                long header = data.get(HEADER_WORD, at);
                int size = (int) (header >>> 48);
                if (size < HEADER || size > head - tail) {
                    throw new EventFormatException("perf ring of CPU " + cpu, "a record header at position " + tail
                            + " claims " + size + " bytes with " + (head - tail) + " written");
                }
                if ((int) header == RECORD_SAMPLE && at + size <= capacity) {
                    handler.onRecord(data, at + HEADER + 4, data.get(U32, at + HEADER));
                    n++;
                } else if (at + size <= capacity) {
                    n += record(data, at, handler, lost);
                } else {
                    n += record(wrapped(at, size), 0, handler, lost);
                }
                tail += size;
            }
        } finally {
            // Published once for the pass, as libbpf does: the kernel may reuse the space only after the handler.
            LONG.setRelease(meta, DATA_TAIL, tail);
        }
        return n;
    }

    /** Hands a sample to the handler or counts a lost record; returns the samples handed out (0 or 1). */
    private static int record(MemorySegment rec, long base, RecordHandler handler, long[] lost) {
        int type = rec.get(JAVA_INT, base);
        if (type == RECORD_SAMPLE) {
            handler.onRecord(rec, base + HEADER + 4, rec.get(JAVA_INT, base + HEADER));
            return 1;
        }
        if (type == RECORD_LOST) {
            lost[0] += rec.get(JAVA_LONG, base + HEADER + 8);
        }
        return 0;
    }

    /** A record that wraps the ring's end, copied into the scratch buffer in one piece. */
    private MemorySegment wrapped(long at, int size) {
        long first = mask + 1 - at;
        MemorySegment.copy(data, at, scratch, 0, first);
        MemorySegment.copy(data, 0, scratch, first, size - first);
        return scratch;
    }
}
