package org.ebpfj.object.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.elf.ElfFile;
import org.ebpfj.object.elf.ElfSymbol;
import org.ebpfj.object.testing.TestObjects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bitfields in both byte orders, offline: {@code bitfields.bpf.c} compiled for {@code bpfel} and {@code bpfeb}
 * initializes two structs in .data, so the compiler, not this test, decides the bytes. The records generated from
 * each object's BTF (whose bitfield offsets are in that object's byte order) are compiled and loaded; they must
 * read the C initializers' values from those bytes, and write exactly those bytes back.
 */
class CodeGeneratorByteOrderTest {

    @ParameterizedTest
    @ValueSource(strings = {"bitfields.bpf.o", "bitfields.bpfeb.o"})
    void goldenBitfieldsReadAndWriteBackInTheObjectsByteOrder(String object, @TempDir Path dir) throws Exception {
        byte[] bytes = TestObjects.bytes(object);
        ElfFile elf = ElfFile.read(bytes, object);
        String pkg = object.contains("bpfeb") ? "gen.be" : "gen.le";
        GeneratedSources g = CodeGenerator.generate(bytes, object, CodegenOptions.of(pkg, "/objects/" + object));
        assertThat(GeneratedCompiler.compile(dir, g.records())).isEmpty();
        byte[] data = elf.section(".data").orElseThrow().data().bytes(0, elf.section(".data").get().size());

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()})) {
            java.lang.reflect.Field field = loader.loadClass(pkg + ".BpfBytes").getDeclaredField("ORDER");
            field.setAccessible(true); // package-private in the generated package
            ByteOrder order = (ByteOrder) field.get(null);
            assertThat(order).isEqualTo(elf.order());

            int flagsAt = offset(elf, "golden_flags");
            Object flags = read(loader, pkg + ".Flags", data, order, flagsAt);
            assertThat(components(flags)).containsExactly(1, 5, -3, 4000, 0xabcdef01);
            assertThat(written(flags, data.length, order, flagsAt)).isEqualTo(slice(data, flagsAt, 8));

            int mixedAt = offset(elf, "golden_mixed");
            Object mixed = read(loader, pkg + ".Mixed", data, order, mixedAt);
            assertThat(components(mixed)).containsExactly((byte) 0x5a, 9, -42, 0x12345678abL, -300000,
                    0xdeadbeef);
            assertThat(written(mixed, data.length, order, mixedAt)).isEqualTo(slice(data, mixedAt, 16));
        }
    }

    private static int offset(ElfFile elf, String symbol) {
        return (int) elf.symbols().stream().filter(s -> s.name().equals(symbol)).mapToLong(ElfSymbol::value)
                .findFirst().orElseThrow();
    }

    private static Object read(ClassLoader loader, String type, byte[] data, ByteOrder order, int offset)
            throws Exception {
        Method read = loader.loadClass(type).getMethod("read", ByteBuffer.class, int.class);
        return read.invoke(null, ByteBuffer.wrap(data).order(order), offset);
    }

    private static List<Object> components(Object record) throws Exception {
        List<Object> out = new ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            out.add(c.getAccessor().invoke(record));
        }
        return out;
    }

    /** The record written over a buffer of 0xff bytes: padding and every bit must come out as C's. */
    private static byte[] written(Object record, int length, ByteOrder order, int offset) throws Exception {
        byte[] out = new byte[length];
        java.util.Arrays.fill(out, (byte) 0xff);
        record.getClass().getMethod("write", ByteBuffer.class, int.class)
                .invoke(record, ByteBuffer.wrap(out).order(order), offset);
        return slice(out, offset, record.getClass().getField("BYTES").getInt(null));
    }

    private static byte[] slice(byte[] data, int offset, int length) {
        return java.util.Arrays.copyOfRange(data, offset, offset + length);
    }
}
