package org.ebpfj.object.btf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds BTF blobs by hand for tests, in the kernel's encoding ({@code include/uapi/linux/btf.h}). Ids are given
 * in creation order starting at 1; a type may refer to an id created later (build() encodes everything at the
 * end), and struct members are added after the struct exists, so cycles are easy to write.
 */
public final class BtfBuilder {
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> strings = new HashMap<>();
    private final ByteArrayOutputStream stringBytes = new ByteArrayOutputStream();

    /** One type: the three header words, and the kind-specific words after them. */
    private static final class Entry {
        final String name;
        final int kind;
        boolean kindFlag;
        int vlen;
        int sizeOrType;
        final List<int[]> records = new ArrayList<>(); // each record: words, first may be a name to intern
        final List<String> recordNames = new ArrayList<>();
        int[] extra = new int[0];

        Entry(String name, int kind, int sizeOrType) {
            this.name = name;
            this.kind = kind;
            this.sizeOrType = sizeOrType;
        }
    }

    public BtfBuilder() {
        stringBytes.write(0);
        strings.put("", 0);
    }

    private int add(Entry e) {
        entries.add(e);
        return entries.size();
    }

    /** The id the next created type will get. */
    public int nextId() {
        return entries.size() + 1;
    }

    public int intType(String name, int size, boolean signed) {
        return intType(name, size, signed ? 1 : 0, size * 8);
    }

    /** encoding: 1 signed, 2 char, 4 bool. */
    public int intType(String name, int size, int encoding, int bits) {
        Entry e = new Entry(name, 1, size);
        e.extra = new int[] {encoding << 24 | bits};
        return add(e);
    }

    public int ptr(int target) {
        return add(new Entry("", 2, target));
    }

    public int array(int element, int indexType, int elements) {
        Entry e = new Entry("", 3, 0);
        e.extra = new int[] {element, indexType, elements};
        return add(e);
    }

    public int struct(String name, int size) {
        return add(new Entry(name, 4, size));
    }

    public int union(String name, int size) {
        return add(new Entry(name, 5, size));
    }

    /** Adds a member at a bit offset to a struct or union. */
    public BtfBuilder member(int composite, String name, int type, int bitOffset) {
        return bitfield(composite, name, type, bitOffset, 0);
    }

    public BtfBuilder bitfield(int composite, String name, int type, int bitOffset, int bits) {
        Entry e = entries.get(composite - 1);
        e.records.add(new int[] {0, type, bitOffset, bits});
        e.recordNames.add(name);
        e.vlen++;
        if (bits != 0) {
            e.kindFlag = true;
        }
        return this;
    }

    /** A BTF_KIND_ENUM with its enumerators in order, each written {@code "NAME=value"} as C would. */
    public int enumType(String name, int size, boolean signed, String... enumerators) {
        return enumOfKind(6, name, size, signed, enumerators);
    }

    /** A BTF_KIND_ENUM64 (values of 64 bits), its enumerators written as for {@link #enumType}. */
    public int enum64Type(String name, int size, boolean signed, String... enumerators) {
        return enumOfKind(19, name, size, signed, enumerators);
    }

    private int enumOfKind(int kind, String name, int size, boolean signed, String... enumerators) {
        Entry e = new Entry(name, kind, size);
        e.kindFlag = signed;
        for (String enumerator : enumerators) {
            int eq = enumerator.indexOf('=');
            long value = Long.parseLong(enumerator.substring(eq + 1));
            e.records.add(kind == 6 ? new int[] {0, (int) value} : new int[] {0, (int) value, (int) (value >>> 32)});
            e.recordNames.add(enumerator.substring(0, eq));
            e.vlen++;
        }
        return add(e);
    }

    public int fwd(String name, boolean union) {
        Entry e = new Entry(name, 7, 0);
        e.kindFlag = union;
        return add(e);
    }

    public int typedef(String name, int target) {
        return add(new Entry(name, 8, target));
    }

    public int volatileOf(int target) {
        return add(new Entry("", 9, target));
    }

    public int constOf(int target) {
        return add(new Entry("", 10, target));
    }

    public int restrictOf(int target) {
        return add(new Entry("", 11, target));
    }

    public int func(String name, int proto) {
        Entry e = new Entry(name, 12, proto);
        e.vlen = 1; // global linkage
        return add(e);
    }

    /** A function prototype; add parameters with {@link #param}. */
    public int funcProto(int returnType) {
        return add(new Entry("", 13, returnType));
    }

    public BtfBuilder param(int proto, String name, int type) {
        Entry e = entries.get(proto - 1);
        e.records.add(new int[] {0, type});
        e.recordNames.add(name);
        e.vlen++;
        return this;
    }

    public int var(String name, int type) {
        Entry e = new Entry(name, 14, type);
        e.extra = new int[] {1};
        return add(e);
    }

    public int floatType(String name, int size) {
        return add(new Entry(name, 16, size));
    }

    public int declTag(String value, int target, int component) {
        Entry e = new Entry(value, 17, target);
        e.extra = new int[] {component};
        return add(e);
    }

    public int typeTag(String value, int target) {
        return add(new Entry(value, 18, target));
    }

    /** A type tag with kind_flag set: the value is a C attribute, e.g. {@code address_space(1)}. */
    public int typeAttribute(String value, int target) {
        Entry e = new Entry(value, 18, target);
        e.kindFlag = true;
        return add(e);
    }

    private int string(String s) {
        return strings.computeIfAbsent(s, k -> {
            int off = stringBytes.size();
            byte[] b = k.getBytes(StandardCharsets.UTF_8);
            stringBytes.write(b, 0, b.length);
            stringBytes.write(0);
            return off;
        });
    }

    public byte[] build() {
        ByteArrayOutputStream typeBytes = new ByteArrayOutputStream();
        for (Entry e : entries) {
            List<Integer> words = new ArrayList<>();
            words.add(string(e.name));
            words.add((e.kindFlag ? 1 << 31 : 0) | e.kind << 24 | e.vlen);
            words.add(e.sizeOrType);
            for (int w : e.extra) {
                words.add(w);
            }
            for (int i = 0; i < e.records.size(); i++) {
                int[] r = e.records.get(i);
                words.add(string(e.recordNames.get(i)));
                if (e.kind == 4 || e.kind == 5) {
                    words.add(r[1]);
                    words.add(e.kindFlag ? r[3] << 24 | r[2] : r[2]);
                } else {
                    for (int k = 1; k < r.length; k++) {
                        words.add(r[k]);
                    }
                }
            }
            ByteBuffer b = ByteBuffer.allocate(4 * words.size()).order(ByteOrder.LITTLE_ENDIAN);
            words.forEach(b::putInt);
            typeBytes.writeBytes(b.array());
        }
        byte[] types = typeBytes.toByteArray();
        byte[] strs = stringBytes.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(24 + types.length + strs.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0xeb9f).put((byte) 1).put((byte) 0).putInt(24);
        out.putInt(0).putInt(types.length).putInt(types.length).putInt(strs.length);
        out.put(types).put(strs);
        return out.array();
    }

    /** Builds and reads the blob. */
    public Btf read() throws BtfFormatException {
        return BtfReader.read(build());
    }
}
