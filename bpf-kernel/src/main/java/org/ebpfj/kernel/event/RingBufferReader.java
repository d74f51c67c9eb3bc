package org.ebpfj.kernel.event;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.error.MapOperationException;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.kernel.internal.sys.CallState;
import org.ebpfj.kernel.internal.sys.EventSys;
import org.ebpfj.object.uapi.MapType;

/**
 * Reads the records a program writes to a {@code BPF_MAP_TYPE_RINGBUF} map ({@code bpf_ringbuf_output},
 * {@code bpf_ringbuf_reserve}/{@code submit}), in place in the kernel's memory.
 *
 * <p>The consumer page is mapped read-write and the producer page plus the data read-only; the kernel maps the
 * data twice in a row, so a record that wraps the end is still contiguous. Records still being written (BUSY bit)
 * end a pass; discarded ones are skipped. The producer position is read with acquire semantics and the consumer
 * position written with release semantics, as the kernel's {@code Documentation/bpf/ringbuf.rst} requires.
 *
 * <p>A ring buffer has no lost count: when it is full, the program's reserve or output call fails, and the program
 * must count that itself. One thread consumes at a time; {@link #close} may come from any thread and wakes a
 * waiting {@link #poll}. A reader opened through {@link #open(BpfObject, String, Class)} closes with its object.
 *
 * @param <T> the decoded event type
 */
public final class RingBufferReader<T> implements EventReader<T> {
    static final long PAGE = 4096;
    private static final int BUSY = 1 << 31;
    private static final int DISCARD = 1 << 30;
    private static final int HEADER = 8;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private final String mapName;
    private final EventDecoder<T> decoder;
    private final BpfObject owner;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment consumer;
    private final MemorySegment producer;
    private final MemorySegment data;
    private final long mask;
    private final Poller poller;
    private final AtomicBoolean closed = new AtomicBoolean();
    private long consumed;

    private RingBufferReader(RawMap map, EventDecoder<T> decoder, BpfObject owner) {
        this.mapName = map.name();
        if (map.type().orElse(null) != MapType.RINGBUF) {
            throw new IllegalArgumentException("map '" + mapName + "' is " + map.type().map(Enum::name)
                    .orElse("of an unknown type") + ", not RINGBUF"
                    + (map.type().orElse(null) == MapType.PERF_EVENT_ARRAY ? "; use PerfBufferReader" : ""));
        }
        this.decoder = decoder;
        this.owner = owner;
        long size = map.maxEntries();
        this.mask = size - 1;
        MemorySegment state = CallState.allocate(arena);
        try {
            int fd = map.fd();
            this.consumer = map(state, fd, PAGE, EventSys.PROT_READ | EventSys.PROT_WRITE, 0);
            MemorySegment pd = map(state, fd, PAGE + 2 * size, EventSys.PROT_READ, PAGE);
            this.producer = pd.asSlice(0, PAGE);
            this.data = pd.asSlice(PAGE, 2 * size);
            this.poller = new Poller(mapName, 1);
            try {
                poller.add(fd, 0);
            } catch (RuntimeException e) {
                poller.close();
                throw e;
            }
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private MemorySegment map(MemorySegment state, int fd, long length, int prot, long offset) {
        MemorySegment m = EventSys.mmap(state, fd, length, prot, offset, arena);
        if (m.equals(MemorySegment.NULL)) {
            throw new MapOperationException(mapName, "mmap of the ring buffer", CallState.errno(state), "");
        }
        return m;
    }

    /** A reader of {@code mapName} decoding records as {@code type} (a record laid out from BTF, byte[], ...). */
    public static <T> RingBufferReader<T> open(BpfObject object, String mapName, Class<T> type) {
        return register(object, new RingBufferReader<>(object.rawMap(mapName),
                EventDecoder.forClass(object, mapName, type), object));
    }

    public static <T> RingBufferReader<T> open(BpfObject object, String mapName, MapCodec<T> codec) {
        return register(object, new RingBufferReader<>(object.rawMap(mapName), EventDecoder.of(codec, mapName),
                object));
    }

    /** A reader of a map not owned by an object (e.g. one made with {@link RawMap#create}); close it yourself. */
    public static <T> RingBufferReader<T> open(RawMap map, MapCodec<T> codec) {
        return new RingBufferReader<>(map, EventDecoder.of(codec, map.name()), null);
    }

    private static <T> RingBufferReader<T> register(BpfObject object, RingBufferReader<T> reader) {
        object.closeWithObject(reader);
        return reader;
    }

    @Override
    public String mapName() {
        return mapName;
    }

    /** The size of the data area ({@code max_entries}), in bytes. */
    public long capacity() {
        return mask + 1;
    }

    /** Bytes written by the producer and not consumed yet (records, headers and discarded ones included). */
    public long pending() {
        poller.enter();
        try {
            return (long) LONG.getAcquire(producer, 0L) - (long) LONG.getAcquire(consumer, 0L);
        } finally {
            poller.leave();
        }
    }

    /** Records handed out by this reader so far. */
    @Override
    public long consumed() {
        return consumed;
    }

    /** Hands every committed record to {@code handler} in place, without waiting. */
    public int consumeRaw(RecordHandler handler) {
        return consumeRaw(handler, Integer.MAX_VALUE);
    }

    /**
     * Hands at most {@code max} committed records to {@code handler} in place, without waiting; no allocation.
     *
     * @return the number of records handed out
     */
    public int consumeRaw(RecordHandler handler, int max) {
        Objects.requireNonNull(handler, "handler");
        poller.enter();
        try {
            return drain(handler, max);
        } finally {
            poller.leave();
        }
    }

    /*
     * As the kernel's ringbuf.rst and libbpf's consumer: the producer position is read (acquire) once per pass, each
     * record's header (acquire) decides whether it is still being written (BUSY: stop) or was discarded (skip), and
     * the consumer position is published (release) after each record, once the handler is done with it. A handler
     * that throws leaves its record unconsumed.
     */
    private int drain(RecordHandler handler, int max) {
        int n = 0;
        long cons = consumer.get(ValueLayout.JAVA_LONG, 0);
        outer:
        while (n < max) {
            long prod = (long) LONG.getAcquire(producer, 0L);
            if (cons >= prod) {
                break;
            }
            while (cons < prod && n < max) {
                long at = cons & mask;
                int len = (int) INT.getAcquire(data, at);
                if ((len & BUSY) != 0) {
                    break outer;
                }
                int length = len & ~DISCARD;
                cons += (length + HEADER + 7) & ~7L;
                if ((len & DISCARD) == 0) {
                    handler.onRecord(data, at + HEADER, length);
                    n++;
                }
                LONG.setRelease(consumer, 0L, cons);
            }
        }
        consumed += n;
        return n;
    }

    /** Decodes every committed record and gives it to {@code sink}, without waiting. */
    @Override
    public int consume(Consumer<? super T> sink) {
        return consume(sink, Integer.MAX_VALUE);
    }

    public int consume(Consumer<? super T> sink, int max) {
        Objects.requireNonNull(sink, "sink");
        return consumeRaw((m, o, l) -> sink.accept(decoder.decode(m, o, l)), max);
    }

    /**
     * Consumes what is there; when nothing is, waits up to {@code timeout} for the kernel's wakeup (epoll) and
     * consumes then. Returns 0 on timeout, or when another thread closed the reader meanwhile.
     */
    @Override
    public int poll(Duration timeout, Consumer<? super T> sink) {
        Objects.requireNonNull(sink, "sink");
        return pollRaw(timeout, (m, o, l) -> sink.accept(decoder.decode(m, o, l)));
    }

    public int pollRaw(Duration timeout, RecordHandler handler) {
        Objects.requireNonNull(handler, "handler");
        poller.enter();
        try {
            int n = drain(handler, Integer.MAX_VALUE);
            if (n > 0 || !poller.await(timeout)) {
                return n;
            }
            return drain(handler, Integer.MAX_VALUE);
        } finally {
            poller.leave();
        }
    }

    /** The event type's codec name, e.g. {@code record Event <- struct event}. */
    @Override
    public String eventType() {
        return decoder.name();
    }

    @Override
    public OptionalLong lostCount() {
        return OptionalLong.empty();
    }

    @Override
    public boolean isClosed() {
        return poller.isClosed();
    }

    /** Unmaps the buffer and closes the epoll fd; wakes a thread waiting in {@link #poll}. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        poller.close();
        arena.close();
        if (owner != null) {
            owner.forgetOnClose(this);
        }
    }

    @Override
    public String toString() {
        return "ring buffer reader of map '" + mapName + "' (" + capacity() + " bytes, " + decoder.name() + ")";
    }
}
