package org.ebpfj.object.dwarf;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.ByteView;

/** A read position in a debug section. Every read advances or fails, so loops over a cursor always end. */
final class DwarfCursor {
    private static final int MAX_LEB128_BYTES = 10;

    private final ByteView view;
    private long pos;

    DwarfCursor(ByteView view, long pos) {
        this.view = view;
        this.pos = pos;
    }

    ByteView view() {
        return view;
    }

    long position() {
        return pos;
    }

    void seek(long position) throws DwarfFormatException {
        if (position < 0 || position > view.length()) {
            throw fail("position " + position + " is outside the " + view.length() + "-byte section");
        }
        pos = position;
    }

    boolean hasMore(long end) {
        return pos < end;
    }

    int u8() throws ObjectFormatException {
        return (int) advance(1, view.u8(pos));
    }

    int u16() throws ObjectFormatException {
        return (int) advance(2, view.u16(pos));
    }

    /** Moves past a fixed-size value just read at the current position, and returns it. */
    private long advance(int width, long value) {
        pos += width;
        return value;
    }

    long u24() throws ObjectFormatException {
        view.check(pos, 3, "u24");
        int a = view.u8(pos);
        int b = view.u8(pos + 1);
        int c = view.u8(pos + 2);
        pos += 3;
        return view.order() == java.nio.ByteOrder.LITTLE_ENDIAN ? a | b << 8 | (long) c << 16
                : (long) a << 16 | b << 8 | c;
    }

    long u32() throws ObjectFormatException {
        return advance(4, view.u32(pos));
    }

    long u64() throws ObjectFormatException {
        return advance(8, view.u64(pos));
    }

    /** A section offset or length field: 4 bytes in 32-bit DWARF, 8 in 64-bit DWARF. */
    long offset(int offsetSize) throws ObjectFormatException {
        return offsetSize == 8 ? u64() : u32();
    }

    /** Unsigned LEB128. Bits beyond 64 are dropped; more than 10 bytes is malformed. */
    long uleb() throws ObjectFormatException {
        long result = 0;
        for (int i = 0; i < MAX_LEB128_BYTES; i++) {
            int b = u8();
            result |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw fail("LEB128 value longer than " + MAX_LEB128_BYTES + " bytes");
    }

    long sleb() throws ObjectFormatException {
        long result = 0;
        int shift = 0;
        for (int i = 0; i < MAX_LEB128_BYTES; i++) {
            int b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
        }
        throw fail("LEB128 value longer than " + MAX_LEB128_BYTES + " bytes");
    }

    String cString() throws ObjectFormatException {
        String s = view.cString(pos);
        // Advance by the encoded length, not the decoded one: UTF-8 may be shorter or longer in chars.
        long end = pos;
        while (view.u8(end) != 0) {
            end++;
        }
        pos = end + 1;
        return s;
    }

    /**
     * A unit's initial length (.debug_info, .debug_line): 32-bit, or 0xffffffff and a 64-bit length in the 64-bit
     * format. Returns the length; {@code offsetSize[0]} gets 4 or 8, the size of the unit's section offsets.
     */
    long initialLength(int[] offsetSize) throws ObjectFormatException {
        long length = u32();
        offsetSize[0] = 4;
        if (length == 0xffffffffL) {
            length = u64();
            offsetSize[0] = 8;
        } else if (length >= 0xfffffff0L) {
            throw fail("reserved unit length 0x" + Long.toHexString(length));
        }
        return length;
    }

    void skip(long n) throws ObjectFormatException {
        view.check(pos, n, "skipped bytes");
        pos += n;
    }

    /**
     * Moves past {@code n} bytes when they all lie in the section, else stays and returns false (as it does for
     * a negative {@code n}): the caller then reads the value the slow way, which fails as reading it always has.
     */
    boolean tryAdvance(int n) {
        if (!view.contains(pos, n)) {
            return false;
        }
        pos += n;
        return true;
    }

    DwarfFormatException fail(String message) {
        return new DwarfFormatException(view.part(), view.absoluteStart() + pos, message);
    }
}
