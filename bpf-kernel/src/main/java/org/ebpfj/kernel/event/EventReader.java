package org.ebpfj.kernel.event;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What the ring buffer and the perf buffer readers have in common: decoded events handed out without waiting
 * ({@link #consume}) or after waiting for the kernel ({@link #poll}), and what is known of events lost.
 *
 * @param <T> the decoded event type
 */
public sealed interface EventReader<T> extends AutoCloseable permits PolledReader {

    String mapName();

    /** Hands every event there is to {@code sink}, without waiting; returns how many. */
    int consume(Consumer<? super T> sink);

    /** Hands what there is; when nothing is, waits up to {@code timeout} for the kernel and hands that. */
    int poll(Duration timeout, Consumer<? super T> sink);

    /** Raw records handed out so far. */
    long consumed();

    /**
     * Events the kernel dropped because the buffer was full, when the buffer keeps such a count (perf buffers do);
     * empty for a ring buffer, whose producer sees the failure instead (the program must count it).
     */
    OptionalLong lostCount();

    /** The decoded type, e.g. {@code record Event <- struct event}. */
    String eventType();

    boolean isClosed();

    @Override
    void close();
}
