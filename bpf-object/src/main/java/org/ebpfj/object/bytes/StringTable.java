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
    private final ByteView view;
    private final int maxLength;
    private int[] nuls;

    public StringTable(ByteView view, int maxLength) {
        this.view = view;
        this.maxLength = maxLength;
    }

    public int length() {
        return view.length();
    }

    /** The string at {@code offset}; fails when the offset is outside, or no NUL follows within the limit. */
    public String get(long offset) throws ObjectFormatException {
        if (offset < 0 || offset >= view.length()) {
            throw new ObjectFormatException(view.part(), view.absoluteStart() + Math.max(0, offset),
                    "string offset " + offset + " is outside the " + view.length() + "-byte string table");
        }
        int[] positions = nulPositions();
        int i = Arrays.binarySearch(positions, (int) offset);
        int end = i >= 0 ? positions[i] : -i - 1 < positions.length ? positions[-i - 1] : -1;
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

    private int[] nulPositions() {
        if (nuls == null) {
            nuls = view.offsetsOf((byte) 0);
        }
        return nuls;
    }
}
