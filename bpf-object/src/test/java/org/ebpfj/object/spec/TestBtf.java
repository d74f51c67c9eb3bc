package org.ebpfj.object.spec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfFormatException;
import org.ebpfj.object.btf.BtfReader;

/** Writes small BTF blobs for tests, type by type (ids from 1), and reads them back with the real reader. */
public final class TestBtf {
    private final ByteArrayOutputStream types = new ByteArrayOutputStream();
    private final ByteArrayOutputStream strings = new ByteArrayOutputStream();
    private int next = 1;
    private Btf built;

    public TestBtf() {
        strings.write(0);
    }

    public int integer(String name, int bytes, boolean signed) {
        header(name, 1, 0, bytes);
        u32((signed ? 1 << 24 : 0) | bytes * 8);
        return next++;
    }

    public int pointer(int target) {
        header("", 2, 0, target);
        return next++;
    }

    public int array(int element, int index, int count) {
        header("", 3, 0, 0);
        u32(element);
        u32(index);
        u32(count);
        return next++;
    }

    /** Members as (name, type id, byte offset) triples. */
    public int struct(String name, int size, Object... members) {
        header(name, 4, members.length / 3, size);
        for (int i = 0; i < members.length; i += 3) {
            u32(str((String) members[i]));
            u32((Integer) members[i + 1]);
            u32((Integer) members[i + 2] * 8);
        }
        return next++;
    }

    public int enumeration(String name, int size) {
        header(name, 6, 1, size);
        u32(str("A"));
        u32(0);
        return next++;
    }

    public int typedef(String name, int target) {
        header(name, 8, 0, target);
        return next++;
    }

    public int typeTag(String tag, int target) {
        header(tag, 18, 0, target);
        return next++;
    }

    public int variable(String name, int type) {
        header(name, 14, 0, type);
        u32(1);
        return next++;
    }

    /** Variables as (var id, offset, size) triples; size 0 as clang writes for objects. */
    public int datasec(String name, int... vars) {
        header(name, 15, vars.length / 3, 0);
        for (int v : vars) {
            u32(v);
        }
        return next++;
    }

    public Btf btf() {
        if (built == null) {
            byte[] t = types.toByteArray();
            byte[] s = strings.toByteArray();
            ByteBuffer b = ByteBuffer.allocate(24 + t.length + s.length).order(ByteOrder.LITTLE_ENDIAN);
            b.putShort((short) 0xeb9f).put((byte) 1).put((byte) 0).putInt(24).putInt(0).putInt(t.length)
                    .putInt(t.length).putInt(s.length).put(t).put(s);
            try {
                built = BtfReader.read(b.array());
            } catch (BtfFormatException e) {
                throw new AssertionError("test BTF does not parse", e);
            }
        }
        return built;
    }

    public TypeRef ref(int id) {
        return new TypeRef(btf(), id);
    }

    private void header(String name, int kind, int vlen, int sizeOrType) {
        u32(str(name));
        u32(kind << 24 | vlen);
        u32(sizeOrType);
    }

    private int str(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int off = strings.size();
        strings.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        strings.write(0);
        return off;
    }

    private void u32(int v) {
        types.write(v);
        types.write(v >>> 8);
        types.write(v >>> 16);
        types.write(v >>> 24);
    }
}
