package org.ebpfj.object.rules;

import java.util.Locale;

/** How much a finding matters: errors are what the kernel (or libbpf) would refuse. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Made once: every rendered finding asks for it. */
    private final String label = name().toLowerCase(Locale.ROOT);

    /** Lower-case, as compilers print it: {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return label;
    }
}
