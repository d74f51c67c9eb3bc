package org.ebpfj.kernel.event;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import org.ebpfj.kernel.BpfObject;

/**
 * What both readers do around their own {@code drain}: hand records out raw or decoded, without waiting or after
 * an epoll wait, one consuming thread at a time, count what they handed out, and close. Every {@code drain} runs
 * inside the {@link Poller}'s section, and a close frees the mappings only when no section is running: that is
 * what makes the readers' unchecked reads through {@link AddressSpace} safe.
 *
 * @param <T> the decoded event type
 */
public abstract sealed class PolledReader<T> implements EventReader<T> permits RingBufferReader, PerfBufferReader {
    final String mapName;
    final EventDecoder<T> decoder;
    final Poller poller;
    private final BpfObject owner;
    private long consumed;

    /** {@code owner}: the object the reader closes with, or null. */
    PolledReader(String mapName, EventDecoder<T> decoder, Poller poller, BpfObject owner) {
        this.mapName = mapName;
        this.decoder = decoder;
        this.poller = poller;
        this.owner = owner;
    }

    /** Hands at most {@code max} records to {@code handler} in place; called between enter and leave. */
    abstract int drain(RecordHandler handler, int max);

    /** Unmaps the buffers and closes the reader's own fds; runs once, when no thread is inside a section. */
    abstract void release();

    @Override
    public boolean isClosed() {
        return poller.isClosed();
    }

    /**
     * Closes the epoll fd, unmaps the buffers and closes every fd. From another thread it wakes a waiting
     * {@link #poll} and waits for a running consume to end; from inside a handler it returns at once and the
     * reader closes when the running consume ends (after the rest of its pass). Idempotent.
     */
    @Override
    public final void close() {
        poller.close(this::release);
        if (owner != null) {
            owner.forgetOnClose(this);
        }
    }

    @Override
    public String mapName() {
        return mapName;
    }

    /** Records handed out by this reader so far. */
    @Override
    public long consumed() {
        return consumed;
    }

    /** Hands every record there is to {@code handler} in place, without waiting. */
    public int consumeRaw(RecordHandler handler) {
        return consumeRaw(handler, Integer.MAX_VALUE);
    }

    /**
     * Hands at most {@code max} records to {@code handler} in place, without waiting; no allocation.
     *
     * @return the number of records handed out
     */
    public int consumeRaw(RecordHandler handler, int max) {
        Objects.requireNonNull(handler, "handler");
        poller.enter();
        try {
            return counted(drain(handler, max));
        } finally {
            poller.leave();
        }
    }

    /** Decodes every record there is and gives it to {@code sink}, without waiting. */
    @Override
    public int consume(Consumer<? super T> sink) {
        return consume(sink, Integer.MAX_VALUE);
    }

    public int consume(Consumer<? super T> sink, int max) {
        Objects.requireNonNull(sink, "sink");
        return consumeRaw(decoding(sink), max);
    }

    /**
     * Consumes what is there; when nothing is, waits up to {@code timeout} for the kernel's wakeup (epoll) and
     * consumes then. Returns 0 on timeout, or when another thread closed the reader meanwhile.
     */
    @Override
    public int poll(Duration timeout, Consumer<? super T> sink) {
        Objects.requireNonNull(sink, "sink");
        return pollRaw(timeout, decoding(sink));
    }

    public int pollRaw(Duration timeout, RecordHandler handler) {
        Objects.requireNonNull(handler, "handler");
        poller.enter();
        try {
            int n = counted(drain(handler, Integer.MAX_VALUE));
            if (n > 0 || !poller.await(timeout)) {
                return n;
            }
            return counted(drain(handler, Integer.MAX_VALUE));
        } finally {
            poller.leave();
        }
    }

    /** The event type's codec name, e.g. {@code record Event <- struct event}. */
    @Override
    public String eventType() {
        return decoder.name();
    }

    private RecordHandler decoding(Consumer<? super T> sink) {
        return (m, o, l) -> sink.accept(decoder.decode(m, o, l));
    }

    private int counted(int n) {
        consumed += n;
        return n;
    }
}
