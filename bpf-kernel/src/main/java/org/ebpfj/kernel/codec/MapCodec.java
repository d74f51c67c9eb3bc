package org.ebpfj.kernel.codec;

import java.lang.foreign.MemorySegment;

/**
 * Converts map keys or values between Java objects and the bytes the kernel stores, in the host's byte order.
 * A codec has a fixed size; typed map handles check it against the map's key_size or value_size when they are made.
 * Implementations are stateless and thread-safe.
 *
 * @param <T> the Java type
 */
public interface MapCodec<T> {

    /** Bytes one encoded value occupies. */
    long size();

    /** Writes exactly {@link #size()} bytes at {@code offset}, padding included (as zeros). */
    void encode(T value, MemorySegment dst, long offset);

    /** Reads {@link #size()} bytes at {@code offset}. */
    T decode(MemorySegment src, long offset);

    /** A short name for messages, e.g. {@code int32} or {@code record Event <- struct event}. */
    String name();

    /** The value as shown in error messages (e.g. which key was not found). */
    default String describe(T value) {
        return String.valueOf(value);
    }
}
