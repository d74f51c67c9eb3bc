package org.ebpfj.kernel.codec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * A {@code char[N]} holding a NUL-terminated UTF-8 string (e.g. a task's comm): decoding stops at the first NUL,
 * encoding refuses strings that leave no room for it.
 */
final class CStringCodec implements MapCodec<String> {
    private final int size;

    CStringCodec(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a C string needs at least 1 byte");
        }
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void encode(String value, MemorySegment dst, long offset) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        if (b.length >= size) {
            throw new IllegalArgumentException("\"" + value + "\" is " + b.length + " bytes; char[" + size
                    + "] holds at most " + (size - 1) + " plus the terminating NUL");
        }
        dst.asSlice(offset, size).fill((byte) 0);
        MemorySegment.copy(b, 0, dst, ValueLayout.JAVA_BYTE, offset, b.length);
    }

    @Override
    public String decode(MemorySegment src, long offset) {
        int len = 0;
        while (len < size && src.get(ValueLayout.JAVA_BYTE, offset + len) != 0) {
            len++;
        }
        byte[] b = new byte[len];
        MemorySegment.copy(src, ValueLayout.JAVA_BYTE, offset, b, 0, len);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "char[" + size + "] string";
    }

    @Override
    public String describe(String value) {
        return "\"" + value + "\"";
    }
}
