package org.ebpfj.object.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads and edits raw ELF64 fields in test objects, independently of the reader under test, so tests can build
 * precisely broken inputs.
 */
public final class ElfBytes {
    /** The fields of an ELF64 section header: their offset in it and their width in bytes. */
    public enum Shdr {
        NAME(0, 4), TYPE(4, 4), FLAGS(8, 8), OFFSET(24, 8), SIZE(32, 8), LINK(40, 4), INFO(44, 4), ENTSIZE(56, 8);

        public final int offset;
        public final int width;

        Shdr(int offset, int width) {
            this.offset = offset;
            this.width = width;
        }
    }

    private final byte[] b;
    private final ByteOrder order;

    public ElfBytes(byte[] bytes) {
        this.b = bytes;
        this.order = bytes[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    public byte[] bytes() {
        return b;
    }

    private ByteBuffer buf() {
        return ByteBuffer.wrap(b).order(order);
    }

    public long u64(int at) {
        return buf().getLong(at);
    }

    public long u32(int at) {
        return buf().getInt(at) & 0xffffffffL;
    }

    public int u16(int at) {
        return buf().getShort(at) & 0xffff;
    }

    public ElfBytes put16(int at, int v) {
        buf().putShort(at, (short) v);
        return this;
    }

    public ElfBytes put32(int at, long v) {
        buf().putInt(at, (int) v);
        return this;
    }

    public ElfBytes put64(int at, long v) {
        buf().putLong(at, v);
        return this;
    }

    public int sectionCount() {
        return u16(60);
    }

    /** File offset of section {@code index}'s header. */
    public int header(int index) {
        return (int) u64(40) + 64 * index;
    }

    /** A field of section {@code index}'s header. */
    public long get(int index, Shdr field) {
        int at = header(index) + field.offset;
        return field.width == 8 ? u64(at) : u32(at);
    }

    /** Sets a field of section {@code index}'s header, writing as many bytes as the field has. */
    public ElfBytes set(int index, Shdr field, long v) {
        int at = header(index) + field.offset;
        return field.width == 8 ? put64(at, v) : put32(at, v);
    }

    public int sectionIndex(String name) {
        int names = (int) get(u16(62), Shdr.OFFSET);
        for (int i = 0; i < sectionCount(); i++) {
            int off = names + (int) get(i, Shdr.NAME);
            int end = off;
            while (b[end] != 0) {
                end++;
            }
            if (new String(b, off, end - off, StandardCharsets.UTF_8).equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no section " + name);
    }

    /** File offset of a section's data. */
    public int sectionOffset(String name) {
        return (int) get(sectionIndex(name), Shdr.OFFSET);
    }

    public int sectionSize(String name) {
        return (int) get(sectionIndex(name), Shdr.SIZE);
    }

    /**
     * Renames a section in place by overwriting its name in the section name table with a same-length name,
     * so nothing else moves.
     */
    public ElfBytes rename(String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("names must have the same length");
        }
        int names = (int) get(u16(62), Shdr.OFFSET);
        int off = names + (int) get(sectionIndex(from), Shdr.NAME);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(t, 0, b, off, t.length);
        return this;
    }
}
