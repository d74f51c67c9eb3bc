package org.ebpfj.kernel.map;

/** How a map is walked. */
public enum IterationMode {
    /** Batch lookups when the kernel supports them for the map's type, else GET_NEXT_KEY. */
    AUTO,
    /**
     * BPF_MAP_LOOKUP_BATCH only; {@link org.ebpfj.kernel.error.UnsupportedFeatureException} when the type has no
     * batch operations.
     */
    BATCH,
    /** BPF_MAP_GET_NEXT_KEY plus one lookup per key (two syscalls per entry). */
    GET_NEXT_KEY
}
