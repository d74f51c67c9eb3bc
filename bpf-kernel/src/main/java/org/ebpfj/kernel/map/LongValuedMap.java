package org.ebpfj.kernel.map;

import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The unboxed views with 8-byte values ({@link IntLongMap}, {@link LongLongMap}): a lookup answers a {@code long}
 * whatever the key's width (an {@code int} key widens to {@code long}; one that does not fit 4 bytes is refused).
 */
public abstract sealed class LongValuedMap<K extends Number, C> extends PrimitiveMap<K, Long, C>
        permits IntLongMap, LongLongMap {

    LongValuedMap(RawMap raw, long keySize, String view, Function<C, BitsConsumer> narrowing) {
        super(raw, keySize, 8, view, narrowing);
    }

    /** The value, or empty when the key is absent. */
    public OptionalLong lookup(long key) {
        var s = keyed(key);
        return find(s) ? OptionalLong.of(value(s)) : OptionalLong.empty();
    }

    public long getOrDefault(long key, long defaultValue) {
        var s = keyed(key);
        return find(s) ? value(s) : defaultValue;
    }
}
