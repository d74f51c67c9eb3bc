package org.ebpfj.object.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads and edits raw ELF64 fields in test objects, independently of the reader under test, so tests can build
 * precisely broken inputs.
 */
public final class ElfBytes {
    public static final int SH_NAME = 0;
    public static final int SH_TYPE = 4;
    public static final int SH_FLAGS = 8;
    public static final int SH_OFFSET = 24;
    public static final int SH_SIZE = 32;
    public static final int SH_LINK = 40;
    public static final int SH_INFO = 44;
    public static final int SH_ENTSIZE = 56;

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

    public int sectionIndex(String name) {
        int strtab = header(u16(62));
        int names = (int) u64(strtab + SH_OFFSET);
        for (int i = 0; i < sectionCount(); i++) {
            int off = names + (int) u32(header(i) + SH_NAME);
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
        return (int) u64(header(sectionIndex(name)) + SH_OFFSET);
    }

    public int sectionSize(String name) {
        return (int) u64(header(sectionIndex(name)) + SH_SIZE);
    }

    /**
     * Renames a section in place by overwriting its name in the section name table with a same-length name,
     * so nothing else moves.
     */
    public ElfBytes rename(String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("names must have the same length");
        }
        int strtab = header(u16(62));
        int names = (int) u64(strtab + SH_OFFSET);
        int off = names + (int) u32(header(sectionIndex(from)) + SH_NAME);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(t, 0, b, off, t.length);
        return this;
    }
}
