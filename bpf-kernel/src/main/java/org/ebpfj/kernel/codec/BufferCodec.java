package org.ebpfj.kernel.codec;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A codec over a type that reads and writes itself on a {@code ByteBuffer}, as the records bpf-maven-plugin
 * generates from BTF do ({@code Point.read(buf, offset)}, {@code point.write(buf, offset)}). Those records are
 * plain Java 17 with no dependency; this adapter gives them to the FFM layer: the native memory is viewed as a
 * buffer in the host's byte order, so no bytes are copied and nothing is reflective.
 *
 * @param <T> the generated type
 */
public final class BufferCodec<T> implements MapCodec<T> {
    /** Reads a value at an offset of a buffer in the host's byte order. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ByteBuffer buf, int offset);
    }

    /** Writes a value (all its bytes, padding as zeros) at an offset of a buffer in the host's byte order. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(T value, ByteBuffer buf, int offset);
    }

    private final int size;
    private final Reader<T> reader;
    private final Writer<T> writer;
    private final String name;

    BufferCodec(int size, Reader<T> reader, Writer<T> writer, String name) {
        if (size <= 0) {
            throw new IllegalArgumentException("a codec of " + size + " bytes");
        }
        this.size = size;
        this.reader = Objects.requireNonNull(reader, "reader");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void encode(T value, MemorySegment dst, long offset) {
        Objects.requireNonNull(value, name);
        writer.write(value, view(dst, offset), 0);
    }

    @Override
    public T decode(MemorySegment src, long offset) {
        return reader.read(view(src, offset), 0);
    }

    private ByteBuffer view(MemorySegment segment, long offset) {
        return segment.asSlice(offset, size).asByteBuffer().order(ByteOrder.nativeOrder());
    }

    @Override
    public String name() {
        return name;
    }
}
