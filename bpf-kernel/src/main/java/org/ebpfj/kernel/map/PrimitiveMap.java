package org.ebpfj.kernel.map;

import static org.ebpfj.kernel.internal.sys.Errnos.ENOENT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.ebpfj.kernel.error.KeyNotFoundException;
import org.ebpfj.kernel.error.MapErrors;

/**
 * What the unboxed views ({@link IntIntMap}, {@link IntLongMap}, {@link LongLongMap}) share: the map, the reading of
 * bpf() results (an absent key is an answer, not an error), batch writes and the map-wide operations. Each view only
 * moves its primitives in and out of the thread's reused native buffers.
 */
public abstract sealed class PrimitiveMap implements AutoCloseable permits IntIntMap, IntLongMap, LongLongMap {
    final RawMap raw;

    PrimitiveMap(RawMap raw, long keySize, long valueSize, String view) {
        MapViews.checkPrimitive(raw, keySize, valueSize, view);
        this.raw = raw;
    }

    /** A lookup's result: true when found, false when absent, an exception for anything else. */
    final boolean found(int result) {
        if (result == 0) {
            return true;
        }
        if (result == -ENOENT) {
            return false;
        }
        throw MapErrors.other(raw, "BPF_MAP_LOOKUP_ELEM", -result, "");
    }

    final void requireUpdated(int result, UpdateFlag flag, Object key) {
        if (result != 0) {
            throw MapErrors.update(raw, -result, flag, String.valueOf(key));
        }
    }

    final UpdateResult updateResult(int result, UpdateFlag flag, Object key) {
        return result == 0 ? UpdateResult.UPDATED : raw.updateResult(result, flag, key);
    }

    /** A delete's result: true when the key was there, false when absent, an exception for anything else. */
    final boolean removed(int result, Object key) {
        if (result == 0 || result == -ENOENT) {
            return result == 0;
        }
        throw MapErrors.delete(raw, -result, String.valueOf(key));
    }

    final void requireRemoved(boolean wasPresent, Object key) {
        if (!wasPresent) {
            throw new KeyNotFoundException(raw.name(), String.valueOf(key), "delete");
        }
    }

    /** Writes {@code count} keys and values, given as Java arrays, with batch updates where the kernel has them. */
    final void putAll(Object keys, ValueLayout keyLayout, Object values, ValueLayout valueLayout, int count,
                      UpdateFlag flag) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment k = arena.allocate(keyLayout.byteSize() * Math.max(1, count), 8);
            MemorySegment v = arena.allocate(valueLayout.byteSize() * Math.max(1, count), 8);
            copy(keys, keyLayout, k, count);
            copy(values, valueLayout, v, count);
            raw.updateBatch(k, v, count, flag);
        }
    }

    private static void copy(Object array, ValueLayout layout, MemorySegment to, int count) {
        if (array instanceof int[] ints) {
            MemorySegment.copy(ints, 0, to, (ValueLayout.OfInt) layout, 0, count);
        } else {
            MemorySegment.copy((long[]) array, 0, to, (ValueLayout.OfLong) layout, 0, count);
        }
    }

    static void requireSameLength(int keys, int values) {
        if (keys != values) {
            throw new IllegalArgumentException(keys + " keys but " + values + " values");
        }
    }

    /** Entries, counted by a (batched) walk. */
    public long count() {
        return raw.count();
    }

    public void clear() {
        raw.clear();
    }

    public String name() {
        return raw.name();
    }

    public RawMap raw() {
        return raw;
    }

    @Override
    public void close() {
        raw.close();
    }
}
