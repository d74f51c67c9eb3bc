package org.ebpfj.object.btf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.ByteView;

/**
 * Adds types to an object's BTF: the existing ids stay what they are, new types get the ids after them. Used to
 * give the code generator types that only the object's DWARF has (see {@code org.ebpfj.object.dwarf.DwarfTypes}).
 *
 * <p>A type may refer to one added later (everything is encoded in {@link #read()}), so members can be added to a
 * struct after the types they use. The result is checked by {@link BtfReader} like any BTF.
 */
public final class BtfAppender {
    private static final int KIND_INT = 1;
    private static final int KIND_PTR = 2;
    private static final int KIND_ARRAY = 3;
    private static final int KIND_STRUCT = 4;
    private static final int KIND_UNION = 5;
    private static final int KIND_ENUM = 6;
    private static final int KIND_TYPEDEF = 8;
    private static final int KIND_FLOAT = 16;
    private static final int KIND_ENUM64 = 19;

    private final ByteView base;
    private final int firstId;
    private final List<Added> added = new ArrayList<>();
    private final Map<String, Integer> names = new LinkedHashMap<>();
    private final ByteArrayOutputStream newStrings = new ByteArrayOutputStream();
    private final long baseStrLen;

    /** One added type: its header words and the words after it. */
    private record Added(String name, int kind, boolean kindFlag, int sizeOrType, List<long[]> records,
                         List<String> recordNames, int[] extra) {
    }

    /**
     * @param blob    the object's {@code .BTF} section, in its byte order
     * @param baseBtf the same blob parsed (its type count gives the first new id)
     */
    public BtfAppender(ByteView blob, Btf baseBtf) throws ObjectFormatException {
        this.base = blob;
        this.firstId = baseBtf.typeCount();
        this.baseStrLen = blob.u32(20);
    }

    /** The id the next added type gets. */
    public int nextId() {
        return firstId + added.size();
    }

    private int add(Added a) {
        added.add(a);
        return firstId + added.size() - 1;
    }

    /** @param encoding 1 signed, 2 char, 4 bool (BTF_INT_*) */
    public int integer(String name, int size, int encoding) {
        return add(new Added(name, KIND_INT, false, size, List.of(), List.of(), new int[] {encoding << 24 | size * 8}));
    }

    public int floating(String name, int size) {
        return add(new Added(name, KIND_FLOAT, false, size, List.of(), List.of(), new int[0]));
    }

    public int pointer(int target) {
        return add(new Added("", KIND_PTR, false, target, List.of(), List.of(), new int[0]));
    }

    public int array(int element, int indexType, long elements) {
        return add(new Added("", KIND_ARRAY, false, 0, List.of(), List.of(),
                new int[] {element, indexType, (int) elements}));
    }

    public int typedef(String name, int target) {
        return add(new Added(name, KIND_TYPEDEF, false, target, List.of(), List.of(), new int[0]));
    }

    /** A struct or union whose members {@link #member} adds; {@code bitfields} sets the kind flag. */
    public int composite(String name, boolean union, long size, boolean bitfields) {
        return add(new Added(name, union ? KIND_UNION : KIND_STRUCT, bitfields, (int) size, new ArrayList<>(),
                new ArrayList<>(), new int[0]));
    }

    public void member(int composite, String name, int type, long bitOffset, int bitSize) {
        Added a = added.get(composite - firstId);
        long offset = a.kindFlag() ? (long) bitSize << 24 | bitOffset : bitOffset;
        a.records().add(new long[] {type, offset});
        a.recordNames().add(name);
    }

    /** An enum of 1, 2, 4 (ENUM) or 8 (ENUM64) bytes. */
    public int enumeration(String name, long size, boolean signed) {
        return add(new Added(name, size == 8 ? KIND_ENUM64 : KIND_ENUM, signed, (int) size, new ArrayList<>(),
                new ArrayList<>(), new int[0]));
    }

    public void enumValue(int enumId, String name, long value) {
        Added a = added.get(enumId - firstId);
        a.records().add(a.kind() == KIND_ENUM64 ? new long[] {value & 0xffffffffL, value >>> 32}
                : new long[] {value & 0xffffffffL});
        a.recordNames().add(name);
    }

    /** The base BTF with the added types, parsed. */
    public Btf read() throws ObjectFormatException {
        ByteOrder order = base.order();
        long hdrLen = base.u32(4);
        long typeOff = base.u32(8);
        long typeLen = base.u32(12);
        long strOff = base.u32(16);
        byte[] oldTypes = base.bytes(hdrLen + typeOff, typeLen);
        byte[] oldStrings = base.bytes(hdrLen + strOff, baseStrLen);
        ByteBuffer types = ByteBuffer.allocate(addedWords() * 4).order(order);
        for (Added a : added) {
            int vlen = a.records().size();
            types.putInt(string(a.name()));
            types.putInt((a.kindFlag() ? 1 << 31 : 0) | a.kind() << 24 | vlen);
            types.putInt(a.sizeOrType());
            for (int w : a.extra()) {
                types.putInt(w);
            }
            for (int i = 0; i < vlen; i++) {
                types.putInt(string(a.recordNames().get(i)));
                for (long w : a.records().get(i)) {
                    types.putInt((int) w);
                }
            }
        }
        byte[] strings = newStrings.toByteArray();
        int newTypeLen = oldTypes.length + types.position();
        int newStrLen = oldStrings.length + strings.length;
        ByteBuffer out = ByteBuffer.allocate(24 + newTypeLen + newStrLen).order(order);
        out.putShort((short) BtfReader.MAGIC).put((byte) 1).put((byte) 0);
        out.putInt(24).putInt(0).putInt(newTypeLen).putInt(newTypeLen).putInt(newStrLen);
        out.put(oldTypes).put(types.array(), 0, types.position()).put(oldStrings).put(strings);
        return BtfReader.read(ByteView.of(out.array(), order, "BTF with types from DWARF"));
    }

    private int addedWords() {
        int words = 0;
        for (Added a : added) {
            words += 3 + a.extra().length;
            for (long[] r : a.records()) {
                words += 1 + r.length;
            }
        }
        return words;
    }

    private int string(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        return names.computeIfAbsent(s, k -> {
            int offset = (int) baseStrLen + newStrings.size();
            byte[] b = k.getBytes(StandardCharsets.UTF_8);
            newStrings.write(b, 0, b.length);
            newStrings.write(0);
            return offset;
        });
    }
}
