package org.ebpfj.kernel.codec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A codec over a type that reads and writes itself on a {@code ByteBuffer}, as the records bpf-maven-plugin
 * generates from BTF do ({@code Point.read(buf, offset)}, {@code point.write(buf, offset)}). Those records are
 * plain Java 17 with no dependency; this adapter gives them to the FFM layer. Each thread reads and writes the
 * record on its own heap buffer, reused from call to call, and moves the bytes with one bulk copy: a heap buffer's
 * accesses compile to plain loads and stores (a buffer over native memory checks the segment's scope on each one,
 * and making one allocates a slice and a buffer per call). Nothing is allocated per call and nothing is
 * reflective.
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
    /** Each thread's buffer of {@code size} bytes, in the host's byte order. */
    private final ThreadLocal<ByteBuffer> buffers;

    BufferCodec(int size, Reader<T> reader, Writer<T> writer, String name) {
        if (size <= 0) {
            throw new IllegalArgumentException("a codec of " + size + " bytes");
        }
        this.size = size;
        this.reader = Objects.requireNonNull(reader, "reader");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.name = Objects.requireNonNull(name, "name");
        this.buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocate(size).order(ByteOrder.nativeOrder()));
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void encode(T value, MemorySegment dst, long offset) {
        Objects.requireNonNull(value, name);
        ByteBuffer buf = buffers.get();
        writer.write(value, buf, 0);
        MemorySegment.copy(buf.array(), 0, dst, ValueLayout.JAVA_BYTE, offset, size);
    }

    @Override
    public T decode(MemorySegment src, long offset) {
        ByteBuffer buf = buffers.get();
        MemorySegment.copy(src, ValueLayout.JAVA_BYTE, offset, buf.array(), 0, size);
        return reader.read(buf, 0);
    }

    @Override
    public String name() {
        return name;
    }
}
