package org.ebpfj.kernel.map;


/**
 * A typed view over one {@link RawMap}: what every view shares (the map underneath, its name and facts, closing).
 * The views only translate between Java values and the map's bytes; the RawMap issues the commands.
 */
public abstract sealed class MapView implements MapHandle permits CodecMapView, QueueMap, PrimitiveMap {
    final RawMap raw;

    MapView(RawMap raw) {
        this.raw = raw;
    }

    @Override
    public final RawMap raw() {
        return raw;
    }

    @Override
    public final String name() {
        return raw.name();
    }

    @Override
    public final MapInfo info() {
        return raw.info();
    }

    /** Closes the map when it was created standalone; maps of a loaded object close with the object. */
    @Override
    public final void close() {
        raw.close();
    }
}
