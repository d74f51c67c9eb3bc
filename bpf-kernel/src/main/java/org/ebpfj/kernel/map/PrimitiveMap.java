package org.ebpfj.kernel.map;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static org.ebpfj.kernel.map.MapStatus.deleted;
import static org.ebpfj.kernel.map.MapStatus.found;
import static org.ebpfj.kernel.map.MapStatus.updated;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.ebpfj.kernel.error.KeyNotFoundException;
import org.ebpfj.kernel.error.MapErrors;
import org.ebpfj.kernel.internal.sys.BpfCommand;
import org.ebpfj.kernel.internal.sys.Scratch;

/**
 * The unboxed views ({@link IntIntMap}, {@link IntLongMap}, {@link LongLongMap}): every operation is written once
 * here, on keys and values widened to {@code long} and moved through the thread's reused native buffers as 4 or 8
 * bytes; each view only narrows values read back to its Java types. An absent key is an answer, not an error.
 *
 * @param <K> the boxed key type of {@link #toMap()}: {@code Integer} for 4-byte keys, {@code Long} for 8
 * @param <V> the boxed value type of {@link #toMap()}
 * @param <C> the view's own entry consumer, which takes its primitive key and value types
 */
public abstract sealed class PrimitiveMap<K extends Number, V extends Number, C> extends MapView
        permits IntIntMap, LongValuedMap {
    private final boolean intKeys;
    private final boolean intValues;
    private final Function<C, BitsConsumer> narrowing;

    /** {@code narrowing} turns the view's consumer into one of widened bits, narrowing them to the view's types. */
    PrimitiveMap(RawMap raw, long keySize, long valueSize, String view, Function<C, BitsConsumer> narrowing) {
        super(raw);
        MapViews.checkPrimitive(raw, keySize, valueSize, view);
        this.intKeys = keySize == 4;
        this.intValues = valueSize == 4;
        this.narrowing = narrowing;
    }

    /** Receives entries as widened bits; the views narrow them. */
    @FunctionalInterface
    interface BitsConsumer {
        void accept(long key, long value);
    }

    /** The thread's buffers with the key written into them. */
    final Scratch keyed(long key) {
        Scratch s = Scratch.get(8, 8);
        if (intKeys) {
            s.key.set(JAVA_INT, 0, (int) fit(key, "key"));
        } else {
            s.key.set(JAVA_LONG, 0, key);
        }
        return s;
    }

    /** Looks up the key in {@code s}; true when found (the value is then in {@code s}, see {@link #value}). */
    final boolean find(Scratch s) {
        return found(raw.info(), raw.descriptor.lookup(s), BpfCommand.MAP_LOOKUP_ELEM);
    }

    final long value(Scratch s) {
        return intValues ? s.value.get(JAVA_INT, 0) : s.value.get(JAVA_LONG, 0);
    }

    /** A 4-byte key or value given as a long: any int, or an unsigned 32-bit value. */
    private long fit(long bits, String what) {
        if (bits < Integer.MIN_VALUE || bits > 0xffff_ffffL) {
            throw new IllegalArgumentException("map '" + raw.name() + "': " + what + " " + bits
                    + " does not fit in 4 bytes");
        }
        return bits;
    }

    public boolean containsKey(long key) {
        return find(keyed(key));
    }

    /** Creates or replaces ({@link UpdateFlag#ANY}). */
    public void put(long key, long value) {
        put(key, value, UpdateFlag.ANY);
    }

    /**
     * Writes the value; 4-byte keys and values take any int or unsigned 32-bit value.
     *
     * @throws org.ebpfj.kernel.error.KeyExistsException  NOEXIST and the key is present
     * @throws org.ebpfj.kernel.error.KeyNotFoundException EXIST and the key is absent
     * @throws org.ebpfj.kernel.error.MapFullException    a new key and the HASH is full
     */
    public void put(long key, long value, UpdateFlag flag) {
        updated(raw.info(), update(key, value, flag), flag, () -> String.valueOf(key));
    }

    /** {@link #put(long, long, UpdateFlag)} with the expected refusals as values instead of exceptions. */
    public UpdateResult tryPut(long key, long value, UpdateFlag flag) {
        return MapErrors.updateResult(raw.info(), update(key, value, flag), flag, String.valueOf(key));
    }

    private int update(long key, long value, UpdateFlag flag) {
        Scratch s = keyed(key);
        if (intValues) {
            s.value.set(JAVA_INT, 0, (int) fit(value, "value"));
        } else {
            s.value.set(JAVA_LONG, 0, value);
        }
        return raw.descriptor.update(s, flag.bits());
    }

    /** @return whether the key was present */
    public boolean remove(long key) {
        return deleted(raw.info(), raw.descriptor.delete(keyed(key)), () -> String.valueOf(key));
    }

    /** @throws KeyNotFoundException when the key is absent */
    public void delete(long key) {
        if (!remove(key)) {
            throw new KeyNotFoundException(raw.name(), String.valueOf(key), "delete");
        }
    }

    final void forEachBits(IterationMode mode, BitsConsumer action) {
        long k = intKeys ? 4 : 8;
        long v = intValues ? 4 : 8;
        raw.forEachChunk(mode, (keys, values, count) -> {
            for (int i = 0; i < count; i++) {
                action.accept(intKeys ? keys.get(JAVA_INT_UNALIGNED, k * i) : keys.get(JAVA_LONG_UNALIGNED, k * i),
                        intValues ? values.get(JAVA_INT_UNALIGNED, v * i) : values.get(JAVA_LONG_UNALIGNED, v * i));
            }
        });
    }

    /** Writes {@code count} keys and values, given as Java arrays, with batch updates where the kernel has them. */
    final void putAllArrays(Object keys, Object values, int count, UpdateFlag flag) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment k = arena.allocate((intKeys ? 4 : 8) * (long) Math.max(1, count), 8);
            MemorySegment v = arena.allocate((intValues ? 4 : 8) * (long) Math.max(1, count), 8);
            copy(keys, k, count);
            copy(values, v, count);
            raw.updateBatch(k, v, count, flag);
        }
    }

    private static void copy(Object array, MemorySegment to, int count) {
        if (array instanceof int[] ints) {
            MemorySegment.copy(ints, 0, to, JAVA_INT, 0, count);
        } else {
            MemorySegment.copy((long[]) array, 0, to, JAVA_LONG, 0, count);
        }
    }

    static int sameLength(int keys, int values) {
        if (keys != values) {
            throw new IllegalArgumentException(keys + " keys but " + values + " values");
        }
        return keys;
    }

    public void forEach(C action) {
        forEach(IterationMode.AUTO, action);
    }

    public void forEach(IterationMode mode, C action) {
        forEachBits(mode, narrowing.apply(action));
    }

    /** The entries boxed, in the kernel's iteration order. */
    public Map<K, V> toMap() {
        Map<K, V> out = new LinkedHashMap<>();
        forEachBits(IterationMode.AUTO, (k, v) -> out.put(boxed(k, intKeys), boxed(v, intValues)));
        return out;
    }

    /** The type parameters follow the sizes: a 4-byte side is an Integer, an 8-byte side a Long (see permits). */
    @SuppressWarnings("unchecked")
    private static <T extends Number> T boxed(long bits, boolean asInt) {
        Number n = asInt ? (Number) (int) bits : (Number) bits; // the casts keep a ternary from promoting to long
        return (T) n;
    }

    /** Entries, counted by a (batched) walk. */
    public long count() {
        return raw.count();
    }

    public void clear() {
        raw.clear();
    }
}
