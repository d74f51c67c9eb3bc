package org.ebpfj.kernel.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Recognises a type generated from BTF by its shape ({@code public static final int BYTES},
 * {@code public static T read(ByteBuffer, int)}, {@code public void write(ByteBuffer, int)}), so that
 * {@link Codecs#forClass} uses its own layout code instead of laying a record out again by reflection. The methods
 * are found once, when the codec is made; encoding and decoding call them through method handles.
 */
final class GeneratedTypes {
    private GeneratedTypes() {
    }

    static <T> Optional<MapCodec<T>> codec(Class<T> type) {
        try {
            Field bytes = type.getField("BYTES");
            if (!Modifier.isStatic(bytes.getModifiers()) || bytes.getType() != int.class) {
                return Optional.empty();
            }
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle read = lookup.findStatic(type, "read", MethodType.methodType(type, ByteBuffer.class,
                    int.class));
            MethodHandle write = lookup.findVirtual(type, "write", MethodType.methodType(void.class,
                    ByteBuffer.class, int.class));
            int size = bytes.getInt(null);
            BufferCodec.Reader<T> reader = (buf, offset) -> {
                try {
                    return type.cast(read.invoke(buf, offset));
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            };
            BufferCodec.Writer<T> writer = (value, buf, offset) -> {
                try {
                    write.invoke(value, buf, offset);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            };
            return Optional.of(new BufferCodec<>(size, reader, writer, "generated " + type.getSimpleName()));
        } catch (NoSuchFieldException | NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();
        }
    }
}
