package org.ebpfj.object.spec;

import org.ebpfj.object.uapi.MapFlag;

/**
 * The fields a map definition ({@link MapSpec}) and the attribute sent for it ({@link MapCreateAttr}) share: the
 * sizes, flags, map_extra and NUMA node, as the kernel's unsigned values in longs. Both builders extend this one,
 * so the shape is set the same way on either.
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

    /** Copies the shape in one step (for {@code toBuilder}). */
    B shape(long keySize, long valueSize, long maxEntries, long flags, long mapExtra, long numaNode) {
        this.keySize = keySize;
        this.valueSize = valueSize;
        this.maxEntries = maxEntries;
        this.flags = flags;
        this.mapExtra = mapExtra;
        this.numaNode = numaNode;
        return self();
    }
}
