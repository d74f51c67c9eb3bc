package org.ebpfj.kernel.codec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;

/** One record component bound to one struct member: where it lives and how its bytes become a Java value. */
final class Field {
    /** What a component is: the Java types it takes, and the size of the C scalar or array element it needs. */
    enum Kind {
        BYTE(1, null, byte.class, Byte.class),
        BOOLEAN(1, null, boolean.class, Boolean.class),
        SHORT(2, null, short.class, Short.class),
        CHAR(2, null, char.class, Character.class),
        INT(4, null, int.class, Integer.class),
        LONG(8, null, long.class, Long.class),
        FLOAT(4, null, float.class, Float.class),
        DOUBLE(8, null, double.class, Double.class),
        BYTES(1, ValueLayout.JAVA_BYTE, byte[].class),
        STRING(1, null, String.class),
        SHORTS(2, ValueLayout.JAVA_SHORT_UNALIGNED, short[].class),
        INTS(4, ValueLayout.JAVA_INT_UNALIGNED, int[].class),
        LONGS(8, ValueLayout.JAVA_LONG_UNALIGNED, long[].class),
        RECORD(0, null);

        /** Bytes of the scalar, or of one element of the array. */
        final long size;
        /** For the primitive arrays: one element as it sits in the struct. */
        final ValueLayout element;
        private final List<Class<?>> javaTypes;

        Kind(long size, ValueLayout element, Class<?>... javaTypes) {
            this.size = size;
            this.element = element;
            this.javaTypes = List.of(javaTypes);
        }

        /** The kind taking Java type {@code j}, if any (records are recognised by the caller). */
        static Optional<Kind> of(Class<?> j) {
            return Arrays.stream(values()).filter(k -> k.javaTypes.contains(j)).findFirst();
        }

        boolean isScalar() {
            return compareTo(DOUBLE) <= 0;
        }

        boolean isFloat() {
            return this == FLOAT || this == DOUBLE;
        }

        /** The C member a scalar kind needs, for messages. */
        String expectation() {
            if (isFloat()) {
                return size == 4 ? "a 4-byte float" : "an 8-byte double";
            }
            return switch ((int) size) {
                case 1 -> "a 1-byte integer";
                case 2 -> "a 2-byte integer";
                case 4 -> "a 4-byte integer or enum";
                default -> "an 8-byte integer, enum or pointer";
            };
        }
    }

    final String component;
    final MethodHandle accessor;
    private final Kind kind;
    private final long offset;
    private final int count;
    private final MapCodec<?> nested;

    private Field(String component, MethodHandle accessor, Kind kind, long offset, int count, MapCodec<?> nested) {
        this.component = component;
        this.accessor = accessor;
        this.kind = kind;
        this.offset = offset;
        this.count = count;
        this.nested = nested;
    }

    static Field of(RecordCodec.Layouts layouts, RecordComponent rc, BtfType.Member member, MethodHandle accessor) {
        Btf btf = layouts.btf;
        Class<?> j = rc.getType();
        BtfType c = btf.resolve(member.type());
        long cSize = btf.sizeOf(member.type()).orElse(-1);
        long offset = member.byteOffset();
        String cType = btf.describe(member.type());
        String mismatch = "component '" + rc.getName() + "' is " + j.getSimpleName() + " but member '" + member.name()
                + "' is " + cType + " (" + RecordCodec.bytes(cSize) + ") at offset " + offset;

        Kind kind = Kind.of(j).orElse(null);
        if (kind != null && kind.isScalar()) {
            boolean numeric = c instanceof BtfType.Int || c instanceof BtfType.Enum || c instanceof BtfType.Enum64
                    || c instanceof BtfType.Ptr;
            boolean ok = (kind.isFloat() ? c instanceof BtfType.Float : numeric) && cSize == kind.size;
            if (!ok) {
                throw layouts.fail(member.name(), mismatch + "; " + j.getSimpleName() + " needs "
                        + kind.expectation());
            }
            return new Field(rc.getName(), accessor, kind, offset, 1, null);
        }
        if (j.isArray() || j == String.class) {
            if (!(c instanceof BtfType.Array array)) {
                throw layouts.fail(member.name(), mismatch + "; " + j.getSimpleName() + " needs a C array");
            }
            BtfType element = btf.resolve(array.elementType());
            long elementSize = btf.sizeOf(array.elementType()).orElse(-1);
            boolean integer = element instanceof BtfType.Int || element instanceof BtfType.Enum;
            int n = Math.toIntExact(array.elements());
            long wanted = kind == null ? -1 : kind.size;
            if (kind == null || !integer || elementSize != wanted) {
                throw layouts.fail(member.name(), mismatch + "; " + j.getSimpleName()
                        + " needs an array of " + (wanted > 0 ? wanted + "-byte integers" : "a supported element"));
            }
            MapCodec<?> nested = kind == Kind.STRING ? new CStringCodec(n) : null;
            return new Field(rc.getName(), accessor, kind, offset, n, nested);
        }
        if (j.isRecord()) {
            if (!(c instanceof BtfType.Struct)) {
                throw layouts.fail(member.name(), mismatch + "; a nested record needs a nested struct");
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            MapCodec<?> nested = RecordCodec.of((Class) j, new org.ebpfj.object.spec.TypeRef(btf, member.type()));
            return new Field(rc.getName(), accessor, Kind.RECORD, offset, 1, nested);
        }
        throw layouts.fail(member.name(), mismatch + "; " + j.getName() + " is not a supported component type");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    void write(MemorySegment dst, long base, Object v) {
        long at = base + offset;
        switch (kind) {
            case BYTE -> dst.set(ValueLayout.JAVA_BYTE, at, (Byte) v);
            case BOOLEAN -> dst.set(ValueLayout.JAVA_BYTE, at, (byte) (((Boolean) v) ? 1 : 0));
            case SHORT -> dst.set(ValueLayout.JAVA_SHORT_UNALIGNED, at, (Short) v);
            case CHAR -> dst.set(ValueLayout.JAVA_CHAR_UNALIGNED, at, (Character) v);
            case INT -> dst.set(ValueLayout.JAVA_INT_UNALIGNED, at, (Integer) v);
            case LONG -> dst.set(ValueLayout.JAVA_LONG_UNALIGNED, at, (Long) v);
            case FLOAT -> dst.set(ValueLayout.JAVA_FLOAT_UNALIGNED, at, (Float) v);
            case DOUBLE -> dst.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, at, (Double) v);
            case BYTES, SHORTS, INTS, LONGS -> {
                checkLength(Array.getLength(v));
                MemorySegment.copy(v, 0, dst, kind.element, at, count);
            }
            case STRING, RECORD -> ((MapCodec) nested).encode(v, dst, at);
        }
    }

    Object read(MemorySegment src, long base) {
        long at = base + offset;
        return switch (kind) {
            case BYTE -> src.get(ValueLayout.JAVA_BYTE, at);
            case BOOLEAN -> src.get(ValueLayout.JAVA_BYTE, at) != 0;
            case SHORT -> src.get(ValueLayout.JAVA_SHORT_UNALIGNED, at);
            case CHAR -> src.get(ValueLayout.JAVA_CHAR_UNALIGNED, at);
            case INT -> src.get(ValueLayout.JAVA_INT_UNALIGNED, at);
            case LONG -> src.get(ValueLayout.JAVA_LONG_UNALIGNED, at);
            case FLOAT -> src.get(ValueLayout.JAVA_FLOAT_UNALIGNED, at);
            case DOUBLE -> src.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, at);
            case BYTES, SHORTS, INTS, LONGS -> {
                Object a = Array.newInstance(kind.element.carrier(), count);
                MemorySegment.copy(src, kind.element, at, a, 0, count);
                yield a;
            }
            case STRING, RECORD -> nested.decode(src, at);
        };
    }

    private void checkLength(int length) {
        if (length != count) {
            throw new IllegalArgumentException("component '" + component + "' must have " + count
                    + " elements (the C array's length), has " + length);
        }
    }
}
