package org.ebpfj.object.spec;

import org.ebpfj.object.uapi.MapFlag;

/**
 * Sets a {@link MapShape} field by field: the part a map definition ({@link MapSpec}) and the attribute sent for
 * it ({@link MapCreateAttr}) share. Both builders extend this one, so the shape is set the same way on either.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class MapShapeBuilder<B extends MapShapeBuilder<B>> {
    long keySize;
    long valueSize;
    long maxEntries;
    long flags;
    long mapExtra;
    long numaNode;

    MapShapeBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    public B keySize(long v) {
        keySize = v;
        return self();
    }

    public B valueSize(long v) {
        valueSize = v;
        return self();
    }

    public B maxEntries(long v) {
        maxEntries = v;
        return self();
    }

    public B flags(long v) {
        flags = v;
        return self();
    }

    public B flags(MapFlag... f) {
        flags = MapFlag.maskOf(f);
        return self();
    }

    public B mapExtra(long v) {
        mapExtra = v;
        return self();
    }

    public B numaNode(long v) {
        numaNode = v;
        return self();
    }

    /** Copies a shape in one step (for {@code toBuilder}). */
    B shape(MapShape s) {
        keySize = s.keySize();
        valueSize = s.valueSize();
        maxEntries = s.maxEntries();
        flags = s.flags();
        mapExtra = s.mapExtra();
        numaNode = s.numaNode();
        return self();
    }

    /** The shape as set so far. */
    MapShape builtShape() {
        return new MapShape(keySize, valueSize, maxEntries, flags, mapExtra, numaNode);
    }
}
