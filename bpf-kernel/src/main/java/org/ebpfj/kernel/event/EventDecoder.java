package org.ebpfj.kernel.event;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;
import java.util.Optional;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.codec.Codecs;
import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.object.btf.BtfKind;
import org.ebpfj.object.spec.TypeRef;

/** Turns a record's bytes into a Java value: through a {@link MapCodec}, or a copy of the whole record. */
abstract sealed class EventDecoder<T> {

    abstract T decode(MemorySegment memory, long offset, int length);

    abstract String name();

    /** A decoder for {@code type}: {@code byte[]} copies each record, a record is laid out from the object's BTF. */
    @SuppressWarnings("unchecked")
    static <T> EventDecoder<T> forClass(BpfObject object, String mapName, Class<T> type) {
        if (type == byte[].class) {
            return (EventDecoder<T>) new Copy();
        }
        if (type.isRecord()) {
            String struct = structName(type);
            TypeRef ref = object.btf().flatMap(b -> b.find(BtfKind.STRUCT, struct).map(t -> new TypeRef(b, t.id())))
                    .orElseThrow(() -> new IllegalArgumentException("object '" + object.name() + "' has no BTF type"
                            + " 'struct " + struct + "' to lay out " + type.getSimpleName() + " for the events of map '"
                            + mapName + "'; name the record after the C struct (" + type.getSimpleName() + " -> struct "
                            + struct + "), keep the struct in BTF (clang drops types only local variables use; a global"
                            + " 'const struct " + struct + " *unused_" + struct + " __attribute__((unused));' keeps it)"
                            + " or give a MapCodec"));
            MapCodec<? extends Record> codec = Codecs.record(type.asSubclass(Record.class), ref);
            return new Coded<>((MapCodec<T>) codec, mapName);
        }
        long size = primitiveSize(type);
        if (size == 0) {
            throw new IllegalArgumentException("no event codec for " + type.getName() + " (map '" + mapName
                    + "'); use a record named after the C struct, byte[], a boxed primitive or a MapCodec");
        }
        return new Coded<>(Codecs.forClass(type, size, Optional.empty(), "map '" + mapName + "' event"), mapName);
    }

    static <T> EventDecoder<T> of(MapCodec<T> codec, String mapName) {
        return new Coded<>(codec, mapName);
    }

    /** {@code ExecEvent} -> {@code exec_event}: the C naming of a Java class name. */
    static String structName(Class<?> type) {
        String simple = type.getSimpleName();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < simple.length(); i++) {
            char c = simple.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static long primitiveSize(Class<?> type) {
        if (type == Integer.class || type == Float.class) {
            return 4;
        }
        if (type == Long.class || type == Double.class) {
            return 8;
        }
        if (type == Short.class) {
            return 2;
        }
        return type == Byte.class ? 1 : 0;
    }

    private static final class Copy extends EventDecoder<byte[]> {
        @Override
        byte[] decode(MemorySegment memory, long offset, int length) {
            byte[] out = new byte[length];
            MemorySegment.copy(memory, ValueLayout.JAVA_BYTE, offset, out, 0, length);
            return out;
        }

        @Override
        String name() {
            return "bytes";
        }
    }

    private static final class Coded<T> extends EventDecoder<T> {
        private final MapCodec<T> codec;
        private final String mapName;
        private final long size;

        Coded(MapCodec<T> codec, String mapName) {
            this.codec = codec;
            this.mapName = mapName;
            this.size = codec.size();
        }

        @Override
        T decode(MemorySegment memory, long offset, int length) {
            if (length < size) {
                throw new EventFormatException(mapName, "a record of " + length + " bytes is shorter than "
                        + codec.name() + " (" + size + " bytes)");
            }
            return codec.decode(memory, offset);
        }

        @Override
        String name() {
            return codec.name();
        }
    }
}
