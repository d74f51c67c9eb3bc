package org.ebpfj.kernel.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfKind;
import org.ebpfj.object.btf.BtfReader;
import org.ebpfj.object.spec.TypeRef;

/**
 * Test helper: the {@code .BTF} section of a little-endian ELF64 object, found by walking the section headers and
 * parsed with bpf-object's {@link BtfReader}. Stands in for the object reader until codecs get their types from it.
 */
public final class ObjectBtf {
    private final Btf btf;

    private ObjectBtf(Btf btf) {
        this.btf = btf;
    }

    public static ObjectBtf of(byte[] elf) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long shoff = b.getLong(0x28);
        int shentsize = Short.toUnsignedInt(b.getShort(0x3A));
        int shnum = Short.toUnsignedInt(b.getShort(0x3C));
        int shstrndx = Short.toUnsignedInt(b.getShort(0x3E));
        long namesOffset = b.getLong((int) (shoff + (long) shstrndx * shentsize + 24));
        for (int i = 0; i < shnum; i++) {
            int h = (int) (shoff + (long) i * shentsize);
            String name = cString(elf, (int) (namesOffset + Integer.toUnsignedLong(b.getInt(h))));
            if (name.equals(".BTF")) {
                int offset = (int) b.getLong(h + 24);
                int size = (int) b.getLong(h + 32);
                try {
                    return new ObjectBtf(BtfReader.read(Arrays.copyOfRange(elf, offset, offset + size)));
                } catch (org.ebpfj.object.btf.BtfFormatException e) {
                    throw new IllegalArgumentException(e);
                }
            }
        }
        throw new IllegalArgumentException("no .BTF section");
    }

    private static String cString(byte[] data, int at) {
        int end = at;
        while (data[end] != 0) {
            end++;
        }
        return new String(data, at, end - at, StandardCharsets.US_ASCII);
    }

    public Btf btf() {
        return btf;
    }

    /** {@code struct name} as a TypeRef. */
    public TypeRef struct(String name) {
        return new TypeRef(btf, btf.find(BtfKind.STRUCT, name).orElseThrow(
                () -> new IllegalArgumentException("no struct " + name)).id());
    }
}
