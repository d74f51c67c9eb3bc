package org.ebpfj.kernel.event;

import java.lang.foreign.MemorySegment;

/**
 * Receives one record in place, without a copy or an allocation: {@code length} bytes of {@code memory} from
 * {@code offset}. The memory is the kernel's buffer (or a reused scratch buffer for a perf record that wraps the
 * ring end) and is only valid during the call: copy what must outlive it. The segment is bounded to the reader's
 * mapping and closes with the reader, so a read through a kept segment after the reader is closed throws
 * {@link IllegalStateException}; before that it sees whatever the kernel has written there since. A perf sample's length includes the
 * kernel's padding (its size field and data end on 8 bytes), so it may exceed what the program sent by up to 7.
 */
@FunctionalInterface
public interface RecordHandler {
    void onRecord(MemorySegment memory, long offset, int length);
}
