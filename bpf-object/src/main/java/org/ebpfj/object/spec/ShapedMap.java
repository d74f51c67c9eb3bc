package org.ebpfj.object.spec;

import org.ebpfj.object.uapi.MapFlag;

/** Something with a {@link MapShape}, read field by field: a map spec, a create attribute. */
public interface ShapedMap {
    MapShape shape();

    /** {@code key_size}: the bytes of a key (0 for the types that have none). */
    default long keySize() {
        return shape().keySize();
    }

    /** {@code value_size}: the bytes of a value. */
    default long valueSize() {
        return shape().valueSize();
    }

    /**
     * {@code max_entries}: how many elements; for a ring buffer its size in bytes, for an arena its pages, for
     * local storage 0.
     */
    default long maxEntries() {
        return shape().maxEntries();
    }

    /** {@code map_flags}: the {@code BPF_F_*} bits. */
    default long flags() {
        return shape().flags();
    }

    /**
     * {@code map_extra}, 64-bit and type-specific: a bloom filter's number of hash functions, an arena's
     * user-space start address.
     */
    default long mapExtra() {
        return shape().mapExtra();
    }

    /** {@code numa_node}: read only when {@code BPF_F_NUMA_NODE} is set. */
    default long numaNode() {
        return shape().numaNode();
    }

    default boolean hasFlag(MapFlag f) {
        return f.isSetIn(flags());
    }
}
