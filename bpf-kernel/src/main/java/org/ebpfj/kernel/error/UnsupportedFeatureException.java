package org.ebpfj.kernel.error;

import org.ebpfj.kernel.Kernel;

/** The running kernel (or libbpf) lacks something an operation needs, e.g. a map type or batch operations. */
public final class UnsupportedFeatureException extends BpfException {
    private final String feature;

    public UnsupportedFeatureException(String feature, int errno, String detail) {
        super(feature + " is not supported by this kernel (" + Kernel.release() + ")"
                + (detail.isEmpty() ? "" : ": " + detail), errno);
        this.feature = feature;
    }

    /** What is missing, e.g. {@code map type RINGBUF}. */
    public String feature() {
        return feature;
    }
}
