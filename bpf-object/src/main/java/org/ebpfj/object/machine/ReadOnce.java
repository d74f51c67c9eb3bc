package org.ebpfj.object.machine;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A fact of the machine read on first use and kept, for what does not change while the process runs (the release,
 * the possible CPUs, the configuration). Two threads asking at once may both read; they read the same files.
 *
 * @param <T> the fact, never null (an absent one is an empty {@code Optional})
 */
final class ReadOnce<T> {
    private final Supplier<T> read;
    private volatile T value;

    ReadOnce(Supplier<T> read) {
        this.read = read;
    }

    T get() {
        T v = value;
        if (v == null) {
            v = Objects.requireNonNull(read.get());
            value = v;
        }
        return v;
    }
}
