package org.ebpfj.kernel.map;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/**
 * The keys a GET_NEXT_KEY walk has already produced. When a key is deleted while the walk stands on it, the kernel
 * restarts from the first key; remembering what was seen keeps every key from being reported twice. Keys of up to
 * 8 bytes live in an open-addressing table of longs (no allocation per key); longer keys are copied.
 */
final class KeySet {
    private final int keySize;
    private long[] table = new long[1024];
    private boolean[] used = new boolean[1024];
    private int size;
    private final Set<ByteBuffer> wide;

    KeySet(long keySize) {
        this.keySize = (int) keySize;
        this.wide = keySize > 8 ? new HashSet<>() : null;
    }

    /** Adds the key at {@code offset}; @return false when it was already present */
    boolean add(MemorySegment key, long offset) {
        if (wide != null) {
            byte[] b = new byte[keySize];
            MemorySegment.copy(key, ValueLayout.JAVA_BYTE, offset, b, 0, keySize);
            return wide.add(ByteBuffer.wrap(b));
        }
        long v = 0;
        for (int i = 0; i < keySize; i++) {
            v |= (key.get(ValueLayout.JAVA_BYTE, offset + i) & 0xffL) << (8 * i);
        }
        if (size * 2 >= table.length) {
            rehash();
        }
        return insert(v);
    }

    private boolean insert(long v) {
        int mask = table.length - 1;
        int i = (int) mix(v) & mask;
        while (used[i]) {
            if (table[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        table[i] = v;
        size++;
        return true;
    }

    private void rehash() {
        long[] oldTable = table;
        boolean[] oldUsed = used;
        table = new long[oldTable.length * 2];
        used = new boolean[oldTable.length * 2];
        size = 0;
        for (int i = 0; i < oldTable.length; i++) {
            if (oldUsed[i]) {
                insert(oldTable[i]);
            }
        }
    }

    private static long mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
