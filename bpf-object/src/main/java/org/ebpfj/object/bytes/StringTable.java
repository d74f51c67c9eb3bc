package org.ebpfj.object.bytes;

import java.util.Arrays;

import org.ebpfj.object.ObjectFormatException;

/**
 * NUL-terminated strings looked up by offset in a string section (ELF .strtab, BTF strings, .debug_str), in time
 * that does not depend on how the offsets are chosen: the NUL positions are found in one pass, then each lookup is a
 * binary search. Scanning from every offset instead would let N names pointing into one long unterminated stretch
 * cost N times its length. Strings are capped at {@code maxLength} bytes for the same reason.
 */
public final class StringTable {
    /** How far a lookup scans for its NUL before it asks the table of NUL positions. */
    private static final int SHORT_SCAN = 256;

    private final ByteView view;
    private final int maxLength;
    private int[] nuls;
    /** 0 not yet known, 1 every string fits, 2 some string does not ({@link #everyStringFits}). */
    private byte allFit;

    public StringTable(ByteView view, int maxLength) {
        this.view = view;
        this.maxLength = maxLength;
    }

    public int length() {
        return view.length();
    }

    public int maxLength() {
        return maxLength;
    }

    /**
     * Whether {@link #get} succeeds for {@code offset}, found without decoding: the offset is inside and a NUL
     * follows within the limit.
     */
    public boolean fits(long offset) {
        if (offset < 0 || offset >= view.length()) {
            return false;
        }
        if (everyStringFits()) {
            return true;
        }
        int end = nulAfter(offset);
        return end >= 0 && end - offset <= maxLength;
    }

    /**
     * Whether every string in the table is terminated and within the limit, found in one pass the first time it is
     * asked: then {@link #fits} need not scan for each name (a BTF blob has a name per type and per member, and
     * many share one string).
     */
    private boolean everyStringFits() {
        if (allFit == 0) {
            allFit = view.longestRunWithout((byte) 0) <= maxLength ? (byte) 1 : (byte) 2;
        }
        return allFit == 1;
    }

    /** Whether the string at {@code offset} is {@code utf8} (a name compared without decoding it). */
    public boolean equalsAt(long offset, byte[] utf8) {
        return view.cStringEquals(offset, utf8);
    }

    /** Which of {@code names} (UTF-8, none empty) the string at {@code offset} is: its index, or -1. */
    public int indexAt(long offset, byte[][] names) {
        return view.cStringIndex(offset, names);
    }

    /** The string at {@code offset}; fails when the offset is outside, or no NUL follows within the limit. */
    public String get(long offset) throws ObjectFormatException {
        if (offset < 0 || offset >= view.length()) {
            throw new ObjectFormatException(view.part(), view.absoluteStart() + Math.max(0, offset),
                    "string offset " + offset + " is outside the " + view.length() + "-byte string table");
        }
        int end = nulAfter(offset);
        if (end < 0) {
            throw new ObjectFormatException(view.part(), view.absoluteStart() + offset,
                    "string is not NUL-terminated");
        }
        long len = end - offset;
        if (len > maxLength) {
            throw new ObjectFormatException(view.part(), view.absoluteStart() + offset, "string of " + len
                    + " bytes is longer than " + maxLength);
        }
        return view.utf8(offset, len);
    }

    /**
     * The NUL ending the string at {@code offset}, or -1: a short scan finds it for real names; past that, the
     * table of NUL positions (built once) does, so hostile offsets into one long stretch cost no more than it.
     */
    private int nulAfter(long offset) {
        int near = view.indexOf((byte) 0, offset, SHORT_SCAN);
        if (near >= 0) {
            return near;
        }
        int[] positions = nulPositions();
        int i = Arrays.binarySearch(positions, (int) offset);
        return i >= 0 ? positions[i] : -i - 1 < positions.length ? positions[-i - 1] : -1;
    }

    private int[] nulPositions() {
        if (nuls == null) {
            nuls = view.offsetsOf((byte) 0);
        }
        return nuls;
    }
}
