package org.ebpfj.kernel.codec;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;

/**
 * Fixed-size scalars in host byte order; unaligned access, since batch buffers pack keys back to back. One codec
 * class for all of them: each scalar is a name, a size and the two accesses of its layout.
 */
record PrimitiveCodec<T>(String name, long size, Writer<T> writer, Reader<T> reader) implements MapCodec<T> {
    static final MapCodec<Integer> INT32 = new PrimitiveCodec<>("int32", 4,
            (d, o, v) -> d.set(JAVA_INT_UNALIGNED, o, v), (s, o) -> s.get(JAVA_INT_UNALIGNED, o));
    static final MapCodec<Long> INT64 = new PrimitiveCodec<>("int64", 8,
            (d, o, v) -> d.set(JAVA_LONG_UNALIGNED, o, v), (s, o) -> s.get(JAVA_LONG_UNALIGNED, o));
    static final MapCodec<Long> UINT32 = new PrimitiveCodec<>("uint32", 4,
            (d, o, v) -> d.set(JAVA_INT_UNALIGNED, o, (int) checkedUnsigned32(v)),
            (s, o) -> Integer.toUnsignedLong(s.get(JAVA_INT_UNALIGNED, o)));
    static final MapCodec<Short> INT16 = new PrimitiveCodec<>("int16", 2,
            (d, o, v) -> d.set(JAVA_SHORT_UNALIGNED, o, v), (s, o) -> s.get(JAVA_SHORT_UNALIGNED, o));
    static final MapCodec<Byte> INT8 = new PrimitiveCodec<>("int8", 1,
            (d, o, v) -> d.set(JAVA_BYTE, o, v), (s, o) -> s.get(JAVA_BYTE, o));
    static final MapCodec<Float> FLOAT32 = new PrimitiveCodec<>("float32", 4,
            (d, o, v) -> d.set(JAVA_FLOAT_UNALIGNED, o, v), (s, o) -> s.get(JAVA_FLOAT_UNALIGNED, o));
    static final MapCodec<Double> FLOAT64 = new PrimitiveCodec<>("float64", 8,
            (d, o, v) -> d.set(JAVA_DOUBLE_UNALIGNED, o, v), (s, o) -> s.get(JAVA_DOUBLE_UNALIGNED, o));

    @FunctionalInterface
    interface Writer<T> {
        void write(MemorySegment dst, long offset, T value);
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(MemorySegment src, long offset);
    }

    @Override
    public void encode(T value, MemorySegment dst, long offset) {
        writer.write(dst, offset, value);
    }

    @Override
    public T decode(MemorySegment src, long offset) {
        return reader.read(src, offset);
    }

    private static long checkedUnsigned32(long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException(value + " does not fit an unsigned 32-bit value");
        }
        return value;
    }

    @Override
    public String toString() {
        return name;
    }
}
