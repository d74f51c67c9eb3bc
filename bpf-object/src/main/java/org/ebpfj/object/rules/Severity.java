package org.ebpfj.object.rules;

/** How much a finding matters: errors are what the kernel (or libbpf) would refuse. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Lower-case, as compilers print it: {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
