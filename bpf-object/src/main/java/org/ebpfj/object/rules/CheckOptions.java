package org.ebpfj.object.rules;

import java.util.Objects;

/**
 * How {@link MapRuleEngine#check} reports beyond the kernel's answer.
 *
 * @param memoryWarningBytes maps whose memory exceeds this get a {@code memory.large} warning
 * @param overrides          values user space sets before load
 */
public record CheckOptions(long memoryWarningBytes, MapOverrides overrides) {
    public static final long DEFAULT_MEMORY_WARNING_BYTES = 256L << 20;

    public CheckOptions {
        Objects.requireNonNull(overrides, "overrides");
        if (memoryWarningBytes <= 0) {
            throw new IllegalArgumentException("memory warning threshold must be positive: " + memoryWarningBytes);
        }
    }

    public static CheckOptions defaults() {
        return new CheckOptions(DEFAULT_MEMORY_WARNING_BYTES, MapOverrides.none());
    }

    public CheckOptions withOverrides(MapOverrides o) {
        return new CheckOptions(memoryWarningBytes, o);
    }

    public CheckOptions withMemoryWarningBytes(long bytes) {
        return new CheckOptions(bytes, overrides);
    }
}
