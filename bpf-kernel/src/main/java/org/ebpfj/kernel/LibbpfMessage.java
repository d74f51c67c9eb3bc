package org.ebpfj.kernel;

/** One message libbpf printed while opening, loading or attaching an object. */
public record LibbpfMessage(Level level, String text) {
    /** libbpf's print levels. */
    public enum Level { WARN, INFO, DEBUG }

    @Override
    public String toString() {
        return level + ": " + text.stripTrailing();
    }
}
