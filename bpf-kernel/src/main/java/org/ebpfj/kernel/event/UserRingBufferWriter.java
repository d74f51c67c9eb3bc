package org.ebpfj.kernel.event;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.codec.Codecs;
import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.object.btf.BtfKind;
import org.ebpfj.object.spec.TypeRef;
import org.ebpfj.object.uapi.MapType;

/**
 * Writes records into a {@code BPF_MAP_TYPE_USER_RINGBUF} map, for a program to take with
 * {@code bpf_user_ringbuf_drain}. User space is the producer here: the consumer page is mapped read-only, the
 * producer page and the (twice-mapped) data read-write. A record is reserved with the BUSY bit set, the producer
 * position published (release), the record filled, then its header written without BUSY (release), as the kernel
 * reads it with acquire semantics. Writers are serialised; the kernel side consumes.
 *
 * @param <T> the type of the records written
 */
public final class UserRingBufferWriter<T> implements AutoCloseable {
    private static final int BUSY = 1 << 31;
    private static final int HEADER = 8;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private final String mapName;
    private final MapCodec<T> codec;
    private final BpfObject owner;
    private final Arena arena = Arena.ofShared();
    private final RingMapping ring;
    private final AtomicBoolean closed = new AtomicBoolean();

    private UserRingBufferWriter(RawMap map, MapCodec<T> codec, BpfObject owner) {
        this.mapName = map.name();
        if (map.type().orElse(null) != MapType.USER_RINGBUF) {
            throw new IllegalArgumentException("map '" + mapName + "' is " + map.type().map(Enum::name)
                    .orElse("of an unknown type") + ", not USER_RINGBUF");
        }
        this.codec = codec;
        this.owner = owner;
        try {
            this.ring = RingMapping.of(map, true, arena, "user ring buffer");
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** A writer of records of {@code type} (a record is laid out from the object's BTF struct of the same name). */
    public static <T extends Record> UserRingBufferWriter<T> open(BpfObject object, String mapName, Class<T> type) {
        String struct = EventDecoder.structName(type);
        TypeRef ref = object.btf().flatMap(b -> b.find(BtfKind.STRUCT, struct).map(t -> new TypeRef(b, t.id())))
                .orElseThrow(() -> new IllegalArgumentException("object '" + object.name() + "' has no BTF type"
                        + " 'struct " + struct + "' to lay out " + type.getSimpleName() + "; give a MapCodec"));
        return open(object, mapName, Codecs.record(type, ref));
    }

    public static <T> UserRingBufferWriter<T> open(BpfObject object, String mapName, MapCodec<T> codec) {
        return object.closeWithObject(new UserRingBufferWriter<>(object.rawMap(mapName), codec, object));
    }

    /** Free bytes now (the program may free more by draining). */
    public synchronized long free() {
        check();
        return capacity() - ring.pending();
    }

    public long capacity() {
        return ring.capacity();
    }

    /**
     * Writes one record if there is room.
     *
     * @return false when the buffer is full (the program has not drained enough yet)
     */
    public synchronized boolean offer(T value) {
        Objects.requireNonNull(value, "value");
        check();
        long size = codec.size();
        long at = reserve(size);
        if (at < 0) {
            return false;
        }
        codec.encode(value, ring.data(), at + HEADER);
        INT.setRelease(ring.data(), at, (int) size);
        return true;
    }

    /** Writes raw bytes as one record if there is room; false when full. */
    public synchronized boolean offerRaw(MemorySegment bytes) {
        check();
        long at = reserve(bytes.byteSize());
        if (at < 0) {
            return false;
        }
        MemorySegment.copy(bytes, 0, ring.data(), at + HEADER, bytes.byteSize());
        INT.setRelease(ring.data(), at, (int) bytes.byteSize());
        return true;
    }

    /** Reserves a BUSY record and publishes the new producer position; -1 when there is no room. */
    private long reserve(long size) {
        long total = (size + HEADER + 7) & ~7L;
        if (size == 0 || total > capacity()) {
            throw new IllegalArgumentException("a record of " + size + " bytes does not fit map '" + mapName
                    + "' (" + capacity() + " bytes with an 8-byte header)");
        }
        long cons = (long) LONG.getAcquire(ring.consumer(), 0L);
        long prod = (long) LONG.getAcquire(ring.producer(), 0L);
        if (prod + total - cons > capacity()) {
            return -1;
        }
        long at = prod & ring.mask();
        ring.data().set(ValueLayout.JAVA_INT, at, (int) size | BUSY);
        ring.data().set(ValueLayout.JAVA_INT, at + 4, 0);
        LONG.setRelease(ring.producer(), 0L, prod + total);
        return at;
    }

    private void check() {
        if (closed.get()) {
            throw new IllegalStateException("the writer of map '" + mapName + "' is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        arena.close();
        if (owner != null) {
            owner.forgetOnClose(this);
        }
    }

    @Override
    public String toString() {
        return "user ring buffer writer of map '" + mapName + "' (" + capacity() + " bytes, " + codec.name() + ")";
    }
}
