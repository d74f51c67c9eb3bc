package org.ebpfj.object.rules;

/** How much a finding matters: errors are what the kernel (or libbpf) would refuse. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Lower-case, as compilers print it (constants, not lower-cased per call: every shown finding asks). */
    public String label() {
        return switch (this) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "info";
        };
    }
}
