package org.ebpfj.object.bytes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.ebpfj.object.ObjectFormatException;

/**
 * A bounds-checked window on a byte array. Every read names the part being read, so a truncated or lying
 * input becomes an {@link ObjectFormatException} that says where, never an index exception. Offsets are
 * relative to the window's start and reported relative to the whole array.
 */
public final class ByteView {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** Whole-word reads in each byte order: one load instead of assembling bytes (every header field is one). */
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final byte[] data;
    private final int start;
    private final int length;
    private final boolean little;
    /** What messages call the window; null when it is {@code kind 'name'}, built only for a message. */
    private final String part;
    private final String partKind;
    private final String partName;
    /** Where messages say the window starts: its offset in the array, or 0 for a view that stands for a copy. */
    private final int reportedStart;

    private ByteView(byte[] data, int start, int length, boolean little, String part, String partKind,
                     String partName, int reportedStart) {
        this.data = data;
        this.start = start;
        this.length = length;
        this.little = little;
        this.part = part;
        this.partKind = partKind;
        this.partName = partName;
        this.reportedStart = reportedStart;
    }

    private ByteView(byte[] data, int start, int length, ByteOrder order, String part, int reportedStart) {
        this(data, start, length, order == ByteOrder.LITTLE_ENDIAN, part, null, null, reportedStart);
    }

    public static ByteView of(byte[] data, ByteOrder order, String part) {
        return new ByteView(data, 0, data.length, order, part, 0);
    }

    /** A sub-window; fails when {@code [offset, offset + size)} is not inside this window. */
    public ByteView slice(long offset, long size, String slicePart) throws ObjectFormatException {
        check(offset, size, slicePart);
        return new ByteView(data, start + (int) offset, (int) size, order(), slicePart,
                reportedStart + (int) offset);
    }

    /**
     * A sub-window that messages call {@code kind 'name'} (e.g. {@code section '.maps'}): the text is put together
     * only when a message needs it, since every section of an object gets a window and few ever fail.
     */
    public ByteView slice(long offset, long size, String kind, String name) throws ObjectFormatException {
        if (!contains(offset, size)) {
            check(offset, size, kind + " '" + name + "'");
        }
        return new ByteView(data, start + (int) offset, (int) size, little, null, kind, name,
                reportedStart + (int) offset);
    }

    public ByteView withOrder(ByteOrder order) {
        return new ByteView(data, start, length, order == ByteOrder.LITTLE_ENDIAN, part, partKind, partName,
                reportedStart);
    }

    /**
     * This window as {@code of(bytes(0, length()), order(), copyPart)} would show it (offsets in messages counted
     * from its first byte), without copying the bytes.
     */
    public ByteView asCopy(String copyPart) {
        return new ByteView(data, start, length, order(), copyPart, 0);
    }

    public ByteOrder order() {
        return little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    }

    public int length() {
        return length;
    }

    public String part() {
        return part != null ? part : partKind + " '" + partName + "'";
    }

    /** Offset of this window's first byte in the underlying array, as messages report it. */
    public int absoluteStart() {
        return reportedStart;
    }

    public boolean contains(long offset, long size) {
        return offset >= 0 && size >= 0 && offset <= length && size <= length - offset;
    }

    public void check(long offset, long size, String what) throws ObjectFormatException {
        if (!contains(offset, size)) {
            throw new ObjectFormatException(part(), reportedStart + Math.max(offset, 0),
                    what + " (" + size + " bytes at " + offset + ") lies outside the " + length + "-byte "
                            + part());
        }
    }

    public int u8(long offset) throws ObjectFormatException {
        check(offset, 1, "byte");
        return data[start + (int) offset] & 0xff;
    }

    public int u16(long offset) throws ObjectFormatException {
        check(offset, 2, "u16");
        int i = start + (int) offset;
        return (little ? (short) SHORT_LE.get(data, i) : (short) SHORT_BE.get(data, i)) & 0xffff;
    }

    /** An unsigned 32-bit value, as a long. */
    public long u32(long offset) throws ObjectFormatException {
        return s32(offset) & 0xffffffffL;
    }

    public int s32(long offset) throws ObjectFormatException {
        check(offset, 4, "u32");
        int i = start + (int) offset;
        return little ? (int) INT_LE.get(data, i) : (int) INT_BE.get(data, i);
    }

    /** A 64-bit value; callers that need it unsigned compare with {@link Long#compareUnsigned}. */
    public long u64(long offset) throws ObjectFormatException {
        if (!contains(offset, 8)) {
            // Outside: one of the halves' reads fails, with the message a truncated u64 has always had.
            u32(offset);
            u32(offset + 4);
        }
        int i = start + (int) offset;
        return little ? (long) LONGS.get(data, i) : (long) LONG_BE.get(data, i);
    }

    /** A u32 that will be used as a size or count: fails above {@code max} instead of allocating. */
    public int u32AtMost(long offset, long max, String what) throws ObjectFormatException {
        long v = u32(offset);
        if (v > max) {
            throw new ObjectFormatException(part(), reportedStart + offset, what + " is " + v + ", more than " + max);
        }
        return (int) v;
    }

    /** A NUL-terminated string starting at {@code offset}; fails if no NUL follows within the window. */
    public String cString(long offset) throws ObjectFormatException {
        check(offset, 0, "string");
        int from = start + (int) offset;
        int end = start + length;
        for (int i = from; i < end; i++) {
            if (data[i] == 0) {
                return new String(data, from, i - from, StandardCharsets.UTF_8);
            }
        }
        throw new ObjectFormatException(part(), reportedStart + offset, "string is not NUL-terminated");
    }

    /** {@code size} bytes at {@code offset} decoded as UTF-8, without an intermediate copy. */
    public String utf8(long offset, long size) throws ObjectFormatException {
        check(offset, size, "string");
        return new String(data, start + (int) offset, (int) size, StandardCharsets.UTF_8);
    }

    /** Whether the {@code n.length} bytes at {@code offset} are {@code n}, followed by a NUL. */
    public boolean cStringEquals(long offset, byte[] n) {
        if (offset < 0 || offset >= length - (long) n.length) {
            return false;
        }
        int at = start + (int) offset;
        if (data[at + n.length] != 0) {
            return false;
        }
        // A plain loop: names are a few bytes, shorter than a vectorized compare needs to pay for its call.
        for (int i = 0; i < n.length; i++) {
            if (data[at + i] != n[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Which of {@code names} the NUL-terminated string at {@code offset} is: its index, or -1. A name whose first
     * byte differs is passed over without a call, so matching one string against a dozen expected ones costs
     * about one comparison.
     */
    public int cStringIndex(long offset, byte[][] names) {
        if (offset < 0 || offset >= length) {
            return -1;
        }
        byte first = data[start + (int) offset];
        for (int k = 0; k < names.length; k++) {
            byte[] n = names[k];
            if (n.length > 0 && n[0] == first && cStringEquals(offset, n)) {
                return k;
            }
        }
        return -1;
    }

    /** The offset of the first {@code b} in {@code [from, from + limit)} (clipped to the window), or -1. */
    public int indexOf(byte b, long from, int limit) {
        if (from < 0 || from >= length) {
            return -1;
        }
        int end = start + (int) Math.min(length, from + limit);
        int i = start + (int) from;
        // Eight bytes at a time (names are found by their NUL, and every name of an object is looked for): XOR
        // turns the wanted byte into zero, and the lowest byte flagged by the zero-byte test is the first one.
        long pattern = (b & 0xffL) * ONES;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long x = (long) LONGS.get(data, i) ^ pattern;
            long zero = (x - ONES) & ~x & HIGH_BITS;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3) - start;
            }
        }
        for (; i < end; i++) {
            if (data[i] == b) {
                return i - start;
            }
        }
        return -1;
    }

    /**
     * The longest run of bytes other than {@code b}, counting a run at the end that no {@code b} closes as
     * {@link Integer#MAX_VALUE} (an unterminated string).
     */
    public int longestRunWithout(byte b) {
        int longest = 0;
        for (int pos = 0; pos < length; ) {
            int at = indexOf(b, pos, length - pos);
            if (at < 0) {
                return Integer.MAX_VALUE;
            }
            longest = Math.max(longest, at - pos);
            pos = at + 1;
        }
        return longest;
    }

    /** The offsets of every byte equal to {@code b}, in order. */
    public int[] offsetsOf(byte b) {
        int count = 0;
        for (int i = start; i < start + length; i++) {
            if (data[i] == b) {
                count++;
            }
        }
        int[] out = new int[count];
        int n = 0;
        for (int i = start; i < start + length; i++) {
            if (data[i] == b) {
                out[n++] = i - start;
            }
        }
        return out;
    }

    /** The whole window as 32-bit words in its byte order (a trailing partial word is left out). */
    public int[] words() {
        int[] out = new int[length / 4];
        java.nio.ByteBuffer.wrap(data, start, out.length * 4).order(order()).asIntBuffer().get(out);
        return out;
    }

    public byte[] bytes(long offset, long size) throws ObjectFormatException {
        check(offset, size, "bytes");
        byte[] out = new byte[(int) size];
        System.arraycopy(data, start + (int) offset, out, 0, (int) size);
        return out;
    }

    /** Whether every byte in the range is zero (used for padding and tail checks). */
    public boolean isZero(long offset, long size) throws ObjectFormatException {
        check(offset, size, "bytes");
        for (int i = 0; i < size; i++) {
            if (data[start + (int) offset + i] != 0) {
                return false;
            }
        }
        return true;
    }
}
