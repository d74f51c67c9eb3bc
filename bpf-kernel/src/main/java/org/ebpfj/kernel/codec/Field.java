package org.ebpfj.kernel.codec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.RecordComponent;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;

/** One record component bound to one struct member: where it lives and how its bytes become a Java value. */
final class Field {
    enum Kind { BYTE, BOOLEAN, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, BYTES, STRING, SHORTS, INTS, LONGS, RECORD }

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

        Kind scalar = scalarKind(j);
        if (scalar != null) {
            boolean numeric = c instanceof BtfType.Int || c instanceof BtfType.Enum || c instanceof BtfType.Enum64
                    || c instanceof BtfType.Ptr;
            boolean ok = switch (scalar) {
                case BYTE, BOOLEAN -> numeric && cSize == 1;
                case SHORT, CHAR -> numeric && cSize == 2;
                case INT -> numeric && cSize == 4;
                case LONG -> numeric && cSize == 8;
                case FLOAT -> c instanceof BtfType.Float && cSize == 4;
                case DOUBLE -> c instanceof BtfType.Float && cSize == 8;
                default -> false;
            };
            if (!ok) {
                throw layouts.fail(member.name(), mismatch + "; " + j.getSimpleName() + " needs "
                        + expectation(scalar));
            }
            return new Field(rc.getName(), accessor, scalar, offset, 1, null);
        }
        if (j.isArray() || j == String.class) {
            if (!(c instanceof BtfType.Array array)) {
                throw layouts.fail(member.name(), mismatch + "; " + j.getSimpleName() + " needs a C array");
            }
            BtfType element = btf.resolve(array.elementType());
            long elementSize = btf.sizeOf(array.elementType()).orElse(-1);
            boolean integer = element instanceof BtfType.Int || element instanceof BtfType.Enum;
            int n = Math.toIntExact(array.elements());
            Kind kind = j == byte[].class ? Kind.BYTES : j == String.class ? Kind.STRING
                    : j == short[].class ? Kind.SHORTS : j == int[].class ? Kind.INTS
                    : j == long[].class ? Kind.LONGS : null;
            long wanted = kind == null ? -1 : switch (kind) {
                case BYTES, STRING -> 1;
                case SHORTS -> 2;
                case INTS -> 4;
                case LONGS -> 8;
                default -> -1;
            };
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

    private static Kind scalarKind(Class<?> j) {
        if (j == byte.class || j == Byte.class) {
            return Kind.BYTE;
        } else if (j == boolean.class || j == Boolean.class) {
            return Kind.BOOLEAN;
        } else if (j == short.class || j == Short.class) {
            return Kind.SHORT;
        } else if (j == char.class || j == Character.class) {
            return Kind.CHAR;
        } else if (j == int.class || j == Integer.class) {
            return Kind.INT;
        } else if (j == long.class || j == Long.class) {
            return Kind.LONG;
        } else if (j == float.class || j == Float.class) {
            return Kind.FLOAT;
        } else if (j == double.class || j == Double.class) {
            return Kind.DOUBLE;
        }
        return null;
    }

    private static String expectation(Kind k) {
        return switch (k) {
            case BYTE, BOOLEAN -> "a 1-byte integer";
            case SHORT, CHAR -> "a 2-byte integer";
            case INT -> "a 4-byte integer or enum";
            case LONG -> "an 8-byte integer, enum or pointer";
            case FLOAT -> "a 4-byte float";
            case DOUBLE -> "an 8-byte double";
            default -> "a scalar";
        };
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
            case BYTES -> {
                byte[] b = (byte[]) v;
                checkLength(b.length);
                MemorySegment.copy(b, 0, dst, ValueLayout.JAVA_BYTE, at, count);
            }
            case SHORTS -> {
                short[] a = (short[]) v;
                checkLength(a.length);
                MemorySegment.copy(a, 0, dst, ValueLayout.JAVA_SHORT_UNALIGNED, at, count);
            }
            case INTS -> {
                int[] a = (int[]) v;
                checkLength(a.length);
                MemorySegment.copy(a, 0, dst, ValueLayout.JAVA_INT_UNALIGNED, at, count);
            }
            case LONGS -> {
                long[] a = (long[]) v;
                checkLength(a.length);
                MemorySegment.copy(a, 0, dst, ValueLayout.JAVA_LONG_UNALIGNED, at, count);
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
            case BYTES -> {
                byte[] b = new byte[count];
                MemorySegment.copy(src, ValueLayout.JAVA_BYTE, at, b, 0, count);
                yield b;
            }
            case SHORTS -> {
                short[] a = new short[count];
                MemorySegment.copy(src, ValueLayout.JAVA_SHORT_UNALIGNED, at, a, 0, count);
                yield a;
            }
            case INTS -> {
                int[] a = new int[count];
                MemorySegment.copy(src, ValueLayout.JAVA_INT_UNALIGNED, at, a, 0, count);
                yield a;
            }
            case LONGS -> {
                long[] a = new long[count];
                MemorySegment.copy(src, ValueLayout.JAVA_LONG_UNALIGNED, at, a, 0, count);
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
