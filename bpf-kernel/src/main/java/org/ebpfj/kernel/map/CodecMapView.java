package org.ebpfj.kernel.map;

import static org.ebpfj.kernel.map.MapStatus.deleted;

import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.kernel.internal.sys.Scratch;

/**
 * What the two views with codecs share ({@link BpfMap}: one value per key; {@link PerCpuMap}: one value per CPU):
 * the key and value codecs, checked against the map's sizes when the view is made, keys encoded into the thread's
 * buffers, and the operations that need no value.
 */
public abstract sealed class CodecMapView<K, V> extends MapView permits BpfMap, PerCpuMap {
    final MapCodec<K> keyCodec;
    final MapCodec<V> valueCodec;

    /** {@code raw} has passed the view's own requirement (keyed, or per-CPU) before the codecs are checked. */
    CodecMapView(RawMap raw, MapCodec<K> keyCodec, MapCodec<V> valueCodec) {
        super(raw);
        MapViews.checkCodec(raw, "key", keyCodec, raw.keySize());
        MapViews.checkCodec(raw, "value", valueCodec, raw.valueSize());
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
    }

    /** The thread's buffers, with room for the whole value (every CPU's), and the key encoded into them. */
    final Scratch keyed(K key) {
        Scratch s = Scratch.get(raw.keySize(), raw.valueBufferSize());
        keyCodec.encode(key, s.key, 0);
        return s;
    }

    /** Deletes the key if present. @return whether it was present */
    public boolean remove(K key) {
        return deleted(raw.info(), raw.descriptor.delete(keyed(key)), () -> keyCodec.describe(key));
    }

    /** See {@link RawMap#count()}. */
    public long count() {
        return raw.count();
    }

    /** See {@link RawMap#clear()}. */
    public void clear() {
        raw.clear();
    }

    public MapCodec<K> keyCodec() {
        return keyCodec;
    }

    public MapCodec<V> valueCodec() {
        return valueCodec;
    }
}
