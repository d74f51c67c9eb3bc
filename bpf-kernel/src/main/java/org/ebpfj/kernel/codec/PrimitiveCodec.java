package org.ebpfj.kernel.codec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Fixed-size scalars in host byte order; unaligned access, since batch buffers pack keys back to back. */
final class PrimitiveCodec {
    private PrimitiveCodec() {
    }

    static final MapCodec<Integer> INT32 = new MapCodec<>() {
        @Override
        public long size() {
            return 4;
        }

        @Override
        public void encode(Integer value, MemorySegment dst, long offset) {
            dst.set(ValueLayout.JAVA_INT_UNALIGNED, offset, value);
        }

        @Override
        public Integer decode(MemorySegment src, long offset) {
            return src.get(ValueLayout.JAVA_INT_UNALIGNED, offset);
        }

        @Override
        public String name() {
            return "int32";
        }
    };

    static final MapCodec<Long> INT64 = new MapCodec<>() {
        @Override
        public long size() {
            return 8;
        }

        @Override
        public void encode(Long value, MemorySegment dst, long offset) {
            dst.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, value);
        }

        @Override
        public Long decode(MemorySegment src, long offset) {
            return src.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
        }

        @Override
        public String name() {
            return "int64";
        }
    };

    static final MapCodec<Long> UINT32 = new MapCodec<>() {
        @Override
        public long size() {
            return 4;
        }

        @Override
        public void encode(Long value, MemorySegment dst, long offset) {
            if (value < 0 || value > 0xffff_ffffL) {
                throw new IllegalArgumentException(value + " does not fit an unsigned 32-bit value");
            }
            dst.set(ValueLayout.JAVA_INT_UNALIGNED, offset, (int) (long) value);
        }

        @Override
        public Long decode(MemorySegment src, long offset) {
            return Integer.toUnsignedLong(src.get(ValueLayout.JAVA_INT_UNALIGNED, offset));
        }

        @Override
        public String name() {
            return "uint32";
        }
    };

    static final MapCodec<Short> INT16 = new MapCodec<>() {
        @Override
        public long size() {
            return 2;
        }

        @Override
        public void encode(Short value, MemorySegment dst, long offset) {
            dst.set(ValueLayout.JAVA_SHORT_UNALIGNED, offset, value);
        }

        @Override
        public Short decode(MemorySegment src, long offset) {
            return src.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset);
        }

        @Override
        public String name() {
            return "int16";
        }
    };

    static final MapCodec<Byte> INT8 = new MapCodec<>() {
        @Override
        public long size() {
            return 1;
        }

        @Override
        public void encode(Byte value, MemorySegment dst, long offset) {
            dst.set(ValueLayout.JAVA_BYTE, offset, value);
        }

        @Override
        public Byte decode(MemorySegment src, long offset) {
            return src.get(ValueLayout.JAVA_BYTE, offset);
        }

        @Override
        public String name() {
            return "int8";
        }
    };

    static final MapCodec<Float> FLOAT32 = new MapCodec<>() {
        @Override
        public long size() {
            return 4;
        }

        @Override
        public void encode(Float value, MemorySegment dst, long offset) {
            dst.set(ValueLayout.JAVA_FLOAT_UNALIGNED, offset, value);
        }

        @Override
        public Float decode(MemorySegment src, long offset) {
            return src.get(ValueLayout.JAVA_FLOAT_UNALIGNED, offset);
        }

        @Override
        public String name() {
            return "float32";
        }
    };

    static final MapCodec<Double> FLOAT64 = new MapCodec<>() {
        @Override
        public long size() {
            return 8;
        }

        @Override
        public void encode(Double value, MemorySegment dst, long offset) {
            dst.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset, value);
        }

        @Override
        public Double decode(MemorySegment src, long offset) {
            return src.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset);
        }

        @Override
        public String name() {
            return "float64";
        }
    };
}
