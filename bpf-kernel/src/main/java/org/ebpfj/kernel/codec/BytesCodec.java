package org.ebpfj.kernel.codec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;

/** Raw bytes of one fixed size: the fallback for keys and values without a better type. */
final class BytesCodec implements MapCodec<byte[]> {
    private final int size;

    BytesCodec(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void encode(byte[] value, MemorySegment dst, long offset) {
        if (value.length != size) {
            throw new IllegalArgumentException("expected " + size + " bytes, got " + value.length);
        }
        MemorySegment.copy(value, 0, dst, ValueLayout.JAVA_BYTE, offset, size);
    }

    @Override
    public byte[] decode(MemorySegment src, long offset) {
        byte[] out = new byte[size];
        MemorySegment.copy(src, ValueLayout.JAVA_BYTE, offset, out, 0, size);
        return out;
    }

    @Override
    public String name() {
        return "byte[" + size + "]";
    }

    @Override
    public String describe(byte[] value) {
        return "0x" + HexFormat.of().formatHex(value);
    }
}
