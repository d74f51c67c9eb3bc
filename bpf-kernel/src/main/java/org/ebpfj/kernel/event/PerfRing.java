package org.ebpfj.kernel.event;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;

/**
 * One CPU's perf ring: {@code struct perf_event_mmap_page} followed by the data pages. The kernel advances
 * {@code data_head}; the reader reads it with acquire semantics, reads the records up to it and publishes
 * {@code data_tail} with release semantics. The reader's own reads go through {@link AddressSpace} (its reader
 * drains only inside its {@link Poller}'s section); handlers get the bounded data segment. A record that wraps the
 * ring's end is copied into a scratch buffer so the handler sees it contiguous.
 */
final class PerfRing {
    /** Offsets in {@code struct perf_event_mmap_page} (include/uapi/linux/perf_event.h). */
    private static final long DATA_HEAD = 1024;
    private static final long DATA_TAIL = 1032;
    private static final int RECORD_LOST = 2;
    private static final int RECORD_SAMPLE = 9;
    /** {@code struct perf_event_header}: u32 type, u16 misc, u16 size. */
    private static final long HEADER = 8;
    /** The smallest sample: the header and the u32 size of its raw data. */
    private static final long SAMPLE_MIN = HEADER + 4;

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
        long metaAt = meta.address();
        return AddressSpace.longAcquire(metaAt + DATA_HEAD) - AddressSpace.getLong(metaAt + DATA_TAIL);
    }

    /**
     * Hands samples to {@code handler} (at most {@code max}); adds lost-record counts to {@code lost[0]}. Samples
     * that lie in one piece go through a loop with no call but the handler's (inlined when it is small), so that
     * the JIT keeps its state in registers; anything else (a lost record, a sample wrapping the ring's end, a bad
     * header) leaves that loop for {@link #other}.
     *
     * @return samples handed out
     */
    int drain(RecordHandler handler, int max, long[] lost) {
        MemorySegment data = this.data;
        long base = data.address();
        long metaAt = meta.address();
        long head = AddressSpace.longAcquire(metaAt + DATA_HEAD);
        long tail = AddressSpace.getLong(metaAt + DATA_TAIL);
        int n = 0;
        long from = 0;
        long at = 0; // consumed so far: tail + (at - from)
        try {
            while (tail < head && n < max) {
                // The samples in one piece up to the ring's end or the head, walked by offset alone.
                from = tail & mask;
                at = from;
                long stop = from + Math.min(head - tail, mask + 1 - from);
                while (at < stop && n < max) {
                    // The whole perf_event_header in one read: type in the low 32 bits, size in the top 16.
                    long header = AddressSpace.getLong(base + at);
                    long size = header >>> 48;
                    if ((int) header != RECORD_SAMPLE || size < SAMPLE_MIN || size > stop - at) {
                        break;
                    }
                    handler.onRecord(data, at + HEADER + 4, AddressSpace.getInt(base + at + HEADER));
                    n++;
                    at += size;
                }
                tail += at - from;
                from = at;
                if (tail < head && n < max) {
                    n += other(tail, head, handler, lost);
                    tail += AddressSpace.getLong(base + (tail & mask)) >>> 48;
                }
            }
        } finally {
            // Published once for the pass, as libbpf does: the kernel may reuse the space only after the handler.
            AddressSpace.setLongRelease(metaAt + DATA_TAIL, tail + (at - from));
        }
        return n;
    }

    /** The record at {@code tail} that is not a sample in one piece; returns the samples handed out (0 or 1). */
    private int other(long tail, long head, RecordHandler handler, long[] lost) {
        long at = tail & mask;
        int size = data.get(JAVA_SHORT, at + 6) & 0xffff;
        if (size < HEADER || size > head - tail) {
            throw new EventFormatException("perf ring of CPU " + cpu, "a record header at position " + tail
                    + " claims " + size + " bytes with " + (head - tail) + " written");
        }
        return at + size <= mask + 1 ? record(data, at, handler, lost) : record(wrapped(at, size), 0, handler, lost);
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
