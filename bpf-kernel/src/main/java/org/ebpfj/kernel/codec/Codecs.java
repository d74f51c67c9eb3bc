package org.ebpfj.kernel.codec;

import java.util.Optional;

import org.ebpfj.object.spec.TypeRef;

/** Ready-made codecs, and the choice of codec for a Java class and a map's key or value. */
public final class Codecs {
    private Codecs() {
    }

    public static MapCodec<Integer> int32() {
        return PrimitiveCodec.INT32;
    }

    /** A {@code __u32} read as a non-negative long. */
    public static MapCodec<Long> uint32() {
        return PrimitiveCodec.UINT32;
    }

    public static MapCodec<Long> int64() {
        return PrimitiveCodec.INT64;
    }

    public static MapCodec<Short> int16() {
        return PrimitiveCodec.INT16;
    }

    public static MapCodec<Byte> int8() {
        return PrimitiveCodec.INT8;
    }

    public static MapCodec<Float> float32() {
        return PrimitiveCodec.FLOAT32;
    }

    public static MapCodec<Double> float64() {
        return PrimitiveCodec.FLOAT64;
    }

    /** Exactly {@code size} raw bytes. */
    public static MapCodec<byte[]> bytes(int size) {
        return new BytesCodec(size);
    }

    /** A NUL-terminated string in a {@code char[size]}. */
    public static MapCodec<String> cString(int size) {
        return new CStringCodec(size);
    }

    /**
     * A codec for a type that reads and writes itself on a buffer: the records generated from BTF, e.g.
     * {@code Codecs.buffer(Point.BYTES, Point::read, Point::write, "record Point")}.
     */
    public static <T> MapCodec<T> buffer(int size, BufferCodec.Reader<T> reader, BufferCodec.Writer<T> writer,
                                         String name) {
        return new BufferCodec<>(size, reader, writer, name);
    }

    /** A record laid out as the BTF struct {@code struct} describes (see {@link RecordCodec}). */
    public static <R extends Record> MapCodec<R> record(Class<R> type, TypeRef struct) {
        return RecordCodec.of(type, struct);
    }

    /**
     * The codec for a Java class in a key or value of {@code size} bytes: boxed primitives, {@code byte[]},
     * {@code String} (a C char array), a type generated from BTF (its own layout code), or a record (which needs
     * the BTF type, {@code btfType}).
     *
     * @param what for messages, e.g. {@code map 'events' value}
     * @throws IllegalArgumentException when the class cannot describe {@code size} bytes
     */
    @SuppressWarnings("unchecked")
    public static <T> MapCodec<T> forClass(Class<T> type, long size, Optional<TypeRef> btfType, String what) {
        MapCodec<?> codec;
        if (type == Integer.class || type == int.class) {
            codec = int32();
        } else if (type == Long.class || type == long.class) {
            codec = size == 4 ? uint32() : int64();
        } else if (type == Short.class || type == short.class) {
            codec = int16();
        } else if (type == Byte.class || type == byte.class) {
            codec = int8();
        } else if (type == Float.class || type == float.class) {
            codec = float32();
        } else if (type == Double.class || type == double.class) {
            codec = float64();
        } else if (type == byte[].class) {
            codec = bytes(Math.toIntExact(size));
        } else if (type == String.class) {
            codec = cString(Math.toIntExact(size));
        } else if (GeneratedTypes.codec(type).isPresent()) {
            codec = GeneratedTypes.codec(type).get();
        } else if (type.isRecord()) {
            TypeRef t = btfType.orElseThrow(() -> new IllegalArgumentException(what + " has no BTF type, so record "
                    + type.getSimpleName() + " cannot be laid out; give a MapCodec explicitly"));
            codec = RecordCodec.of(type.asSubclass(Record.class), t);
        } else {
            throw new IllegalArgumentException("no codec for " + type.getName() + " (" + what
                    + "); use Integer, Long, Short, Byte, Float, Double, byte[], String, a record, or a MapCodec");
        }
        if (codec.size() != size) {
            throw new IllegalArgumentException(what + " is " + size + " bytes, but " + type.getSimpleName()
                    + " (" + codec.name() + ") is " + codec.size() + " bytes");
        }
        return (MapCodec<T>) codec;
    }
}
