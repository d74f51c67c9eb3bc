package org.ebpfj.kernel.map;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.ebpfj.kernel.internal.sys.Errnos.ENOENT;
import static org.ebpfj.kernel.map.MapStatus.updated;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

import org.ebpfj.kernel.Kernel;
import org.ebpfj.kernel.codec.Codecs;
import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.kernel.error.MapErrors;
import org.ebpfj.kernel.internal.Owner;
import org.ebpfj.kernel.internal.sys.Bpf;
import org.ebpfj.kernel.internal.sys.BpfCommand;
import org.ebpfj.kernel.internal.sys.Scratch;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.TypeRef;
import org.ebpfj.object.uapi.MapType;

/**
 * A live map as bytes: a file descriptor, what the kernel says about it ({@link MapInfo}), and every operation on
 * {@link MemorySegment}s or byte arrays. Typed handles ({@link BpfMap}, {@link PerCpuMap}, {@link QueueMap},
 * {@link IntIntMap} ...) are thin views over one RawMap.
 *
 * <p>Maps of a {@link org.ebpfj.kernel.BpfObject} belong to the object: closing such a RawMap (or a view of it) does
 * nothing, and closing the object makes every handle unusable. Maps made here ({@link #create}, {@link #openPinned},
 * {@link #openById}) own their descriptor; {@link #close()} releases it.
 *
 * <p>Thread-safe: operations from several threads may run at once (each thread uses its own native buffers).
 * Closing a map while another thread still uses it is a caller error.
 */
public final class RawMap implements MapHandle {
    final MapDescriptor descriptor;
    private final MapInfo info;
    private final Optional<MapSpec> spec;
    private final Optional<TypeRef> keyType;
    private final Optional<TypeRef> valueType;
    private final Optional<MapType> type;
    private final long keySize;
    private final long valueSize;
    private final long valueBufferSize;
    private final MapIteration iteration;

    RawMap(int fd, MapInfo info, Optional<MapSpec> spec, boolean owned) {
        this.info = info;
        this.spec = spec;
        this.keyType = spec.flatMap(MapSpec::keyType);
        this.valueType = spec.flatMap(MapSpec::valueType);
        this.type = info.type();
        this.keySize = info.keySize();
        this.valueSize = info.valueSize();
        this.valueBufferSize = type.isPresent() && type.get().isPerCpu()
                ? roundUp8(valueSize) * Kernel.possibleCpus() : valueSize;
        this.descriptor = new MapDescriptor(fd, info.name(), keySize == 0, owned);
        this.iteration = new MapIteration(this);
    }

    /** A map of a loaded object (for the loader): the object owns (and closes) the descriptor. */
    @SuppressWarnings("exports")
    public static RawMap ofObject(int fd, MapSpec spec, Owner owner) {
        RawMap map = new RawMap(fd, MapInfo.ofFd(fd, spec.name()).withFullName(spec.name()), Optional.of(spec),
                false);
        owner.onClose(map.descriptor::markClosed);
        return map;
    }

    /**
     * Creates a map from a spec with BPF_MAP_CREATE (no BTF is attached: the kernel does not need it for the map
     * types used from user space; codecs can still use the spec's key and value types).
     *
     * @throws org.ebpfj.kernel.error.MapCreateException  when the kernel refuses the definition
     * @throws org.ebpfj.kernel.error.PermissionException when the process may not create this map type
     */
    public static RawMap create(MapSpec spec) {
        return MapOpening.create(spec);
    }

    /** Opens a map pinned in bpffs (BPF_OBJ_GET). */
    public static RawMap openPinned(Path path) {
        return MapOpening.openPinned(path);
    }

    /** Opens a map by its kernel id (BPF_MAP_GET_FD_BY_ID; needs CAP_SYS_ADMIN). */
    public static RawMap openById(int id) {
        return MapOpening.openById(id);
    }

    /** This handle itself. */
    @Override
    public RawMap raw() {
        return this;
    }

    // ---- facts ----------------------------------------------------------------------------------------------

    public String name() {
        return info.name();
    }

    public MapInfo info() {
        return info;
    }

    /** The file descriptor, for passing to other native code; valid until the map (or its object) is closed. */
    public int fd() {
        return descriptor.fd();
    }

    public Optional<MapType> type() {
        return type;
    }

    public long keySize() {
        return keySize;
    }

    public long valueSize() {
        return valueSize;
    }

    public long maxEntries() {
        return info.maxEntries();
    }

    /**
     * Bytes of one value as user space reads and writes it: {@link #valueSize()}, or for per-CPU maps one slot per
     * possible CPU, each rounded up to 8 bytes (the kernel's {@code bpf_map_value_size}).
     */
    public long valueBufferSize() {
        return valueBufferSize;
    }

    /**
     * The definition the map was created from: the object's map (as the offline reader read it, with the values
     * libbpf sent) or the spec given to {@link #create}; empty for maps opened by pin or id.
     */
    public Optional<MapSpec> spec() {
        return spec;
    }

    /** The BTF type of the key, when known (from the object's BTF, or the spec the map was created from). */
    public Optional<TypeRef> keyType() {
        return keyType;
    }

    public Optional<TypeRef> valueType() {
        return valueType;
    }

    public boolean isPerCpu() {
        return type.isPresent() && type.get().isPerCpu();
    }

    public boolean isClosed() {
        return descriptor.isClosed();
    }

    // ---- typed views ----------------------------------------------------------------------------------------

    /** A typed view; the codecs' sizes must equal the map's key and value sizes. */
    public <K, V> BpfMap<K, V> typed(MapCodec<K> keyCodec, MapCodec<V> valueCodec) {
        return new BpfMap<>(this, keyCodec, valueCodec);
    }

    /** A typed view with codecs chosen for the classes ({@link Codecs#forClass}). */
    public <K, V> BpfMap<K, V> typed(Class<K> keyClass, Class<V> valueClass) {
        MapViews.requireKeyed(this);
        return typed(MapViews.keyCodec(this, keyClass), MapViews.valueCodec(this, valueClass));
    }

    /** A per-CPU view; the value codec describes one CPU's value ({@link #valueSize()} bytes). */
    public <K, V> PerCpuMap<K, V> perCpu(MapCodec<K> keyCodec, MapCodec<V> valueCodec) {
        return new PerCpuMap<>(this, keyCodec, valueCodec);
    }

    public <K, V> PerCpuMap<K, V> perCpu(Class<K> keyClass, Class<V> valueClass) {
        MapViews.requirePerCpu(this);
        return perCpu(MapViews.keyCodec(this, keyClass), MapViews.valueCodec(this, valueClass));
    }

    /** A QUEUE or STACK view. */
    public <V> QueueMap<V> queue(MapCodec<V> valueCodec) {
        return new QueueMap<>(this, valueCodec);
    }

    public <V> QueueMap<V> queue(Class<V> valueClass) {
        MapViews.requireQueue(this);
        return queue(MapViews.valueCodec(this, valueClass));
    }

    /** A view without boxing for 4-byte keys and 4-byte values. */
    public IntIntMap intInt() {
        return new IntIntMap(this);
    }

    /** A view without boxing for 4-byte keys and 8-byte values (e.g. counters). */
    public IntLongMap intLong() {
        return new IntLongMap(this);
    }

    /** A view without boxing for 8-byte keys and 8-byte values. */
    public LongLongMap longLong() {
        return new LongLongMap(this);
    }

    // ---- single elements on segments --------------------------------------------------------------------------

    /**
     * Copies the value of {@code key} into {@code valueOut} ({@link #valueBufferSize()} bytes).
     *
     * @return false when the key is absent
     */
    public boolean lookup(MemorySegment key, MemorySegment valueOut) {
        checkSize(valueOut, valueBufferSize, "value");
        Scratch s = scratchWithKey(key);
        boolean found = MapStatus.found(info, descriptor.lookup(s), BpfCommand.MAP_LOOKUP_ELEM);
        if (found) {
            MemorySegment.copy(s.value, 0, valueOut, 0, valueBufferSize);
        }
        return found;
    }

    /**
     * Writes the value of a key, as the flag says.
     *
     * @throws org.ebpfj.kernel.error.KeyExistsException   NOEXIST and the key is present
     * @throws org.ebpfj.kernel.error.KeyNotFoundException EXIST and the key is absent
     * @throws org.ebpfj.kernel.error.MapFullException     a new key and the map is full
     */
    public void update(MemorySegment key, MemorySegment value, UpdateFlag flag) {
        updated(info, updateSegments(key, value, flag), flag, () -> hex(key));
    }

    /** Like {@link #update} but reports the expected refusals as values. */
    public UpdateResult tryUpdate(MemorySegment key, MemorySegment value, UpdateFlag flag) {
        return MapErrors.updateResult(info, updateSegments(key, value, flag), flag, hex(key));
    }

    private int updateSegments(MemorySegment key, MemorySegment value, UpdateFlag flag) {
        checkSize(value, valueBufferSize, "value");
        Scratch s = scratchWithKey(key);
        MemorySegment.copy(value, 0, s.value, 0, valueBufferSize);
        return descriptor.update(s, flag.bits());
    }

    /** @return false when the key was absent */
    public boolean delete(MemorySegment key) {
        return MapStatus.deleted(info, descriptor.delete(scratchWithKey(key)), () -> hex(key));
    }

    /**
     * The key after {@code key} in the kernel's order ({@code key} null: the first key).
     *
     * @return false at the end
     */
    public boolean nextKey(MemorySegment key, MemorySegment nextOut) {
        checkSize(nextOut, keySize, "key");
        Scratch s = key == null ? Scratch.get(keySize, valueBufferSize) : scratchWithKey(key);
        boolean found = MapStatus.found(info, descriptor.nextKey(s, key == null), BpfCommand.MAP_GET_NEXT_KEY);
        if (found) {
            MemorySegment.copy(s.nextKey, 0, nextOut, 0, keySize);
        }
        return found;
    }

    /** The value of {@code key} as bytes, or empty when absent. */
    public Optional<byte[]> lookup(byte[] key) {
        MemorySegment out = MemorySegment.ofArray(new byte[(int) valueBufferSize]);
        return lookup(MemorySegment.ofArray(key), out) ? Optional.of(out.toArray(JAVA_BYTE)) : Optional.empty();
    }

    public void update(byte[] key, byte[] value, UpdateFlag flag) {
        update(MemorySegment.ofArray(key), MemorySegment.ofArray(value), flag);
    }

    public boolean delete(byte[] key) {
        return delete(MemorySegment.ofArray(key));
    }

    // ---- whole map ------------------------------------------------------------------------------------------

    /**
     * The number of entries: max_entries for ARRAY and PERCPU_ARRAY (their elements always exist), otherwise a
     * walk of the map (batched where the kernel can). Not atomic against concurrent updates.
     *
     * @throws UnsupportedOperationException for QUEUE, STACK and other maps without keys
     */
    public long count() {
        checkOpen();
        if (type.isPresent() && (type.get() == MapType.ARRAY || type.get() == MapType.PERCPU_ARRAY)) {
            return maxEntries();
        }
        if (type.isPresent() && type.get().isKeyless()) {
            throw new UnsupportedOperationException("map '" + name() + "' (" + info.typeName()
                    + ") has no keys to count");
        }
        return iteration.count();
    }

    /**
     * Removes every entry. ARRAY-type maps cannot delete elements, so for them every value is set to zero bytes.
     * Not atomic against concurrent updates.
     */
    public void clear() {
        checkOpen();
        iteration.clear();
    }

    /**
     * Visits every entry; the segments are valid only during the call, at the given offsets, for
     * {@link #keySize()} and {@link #valueBufferSize()} bytes.
     */
    public void forEach(IterationMode mode, EntryVisitor visitor) {
        forEachChunk(mode, entries(visitor));
    }

    /**
     * Visits every entry a chunk at a time (one call per batch instead of one per entry): {@code count} keys of
     * {@link #keySize()} bytes and values of {@link #valueBufferSize()} bytes, packed back to back.
     */
    public void forEachChunk(IterationMode mode, ChunkVisitor visitor) {
        checkOpen();
        iteration.forEach(mode, false, visitor);
    }

    /** Visits and deletes every entry (BPF_MAP_LOOKUP_AND_DELETE_BATCH where supported). */
    public void drain(EntryVisitor visitor) {
        checkOpen();
        iteration.forEach(IterationMode.AUTO, true, entries(visitor));
    }

    private ChunkVisitor entries(EntryVisitor visitor) {
        long k = keySize;
        long v = valueBufferSize;
        return (keys, values, count) -> {
            for (int i = 0; i < count; i++) {
                visitor.visit(keys, i * k, values, i * v);
            }
        };
    }

    /**
     * Writes {@code count} keys and values packed back to back: one BPF_MAP_UPDATE_BATCH for {@link UpdateFlag#ANY}
     * (one update each when the kernel has no batch update for the type); NOEXIST and EXIST, which the kernel's
     * batch update does not accept, use one update per element and stop at the first refused key.
     */
    public void updateBatch(MemorySegment keys, MemorySegment values, int count, UpdateFlag flag) {
        checkOpen();
        checkSize(keys, keySize * count, "keys");
        checkSize(values, valueBufferSize * count, "values");
        iteration.updateBatch(keys, values, count, flag);
    }

    /**
     * Deletes the {@code count} keys packed in {@code keys}; absent keys are skipped.
     *
     * @return how many keys were deleted
     */
    public int deleteBatch(MemorySegment keys, int count) {
        checkOpen();
        checkSize(keys, keySize * count, "keys");
        return iteration.deleteBatch(keys, count);
    }

    /** Whether the kernel implements BPF_MAP_LOOKUP_BATCH for this map (found out on first use). */
    public boolean supportsBatch() {
        checkOpen();
        return iteration.supportsBatch();
    }

    /** Pins the map in bpffs (BPF_OBJ_PIN); the pin outlives the process until it is unlinked. */
    public void pin(Path path) {
        int r = Bpf.obj(BpfCommand.OBJ_PIN, path.toString(), fd());
        if (r < 0) {
            throw MapErrors.other(info, "BPF_OBJ_PIN", -r, -r == ENOENT ? path.getParent()
                    + " does not exist or is not on bpffs (see Mounts.ensureBpffs)" : "");
        }
    }

    /** Receives the entries of a walk a chunk at a time; the segments are valid only during the call. */
    @FunctionalInterface
    public interface ChunkVisitor {
        void visit(MemorySegment keys, MemorySegment values, int count);
    }

    /** Receives one entry of a walk. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(MemorySegment keys, long keyOffset, MemorySegment values, long valueOffset);
    }

    private Scratch scratchWithKey(MemorySegment key) {
        checkSize(key, keySize, "key");
        Scratch s = Scratch.get(keySize, valueBufferSize);
        MemorySegment.copy(key, 0, s.key, 0, keySize);
        return s;
    }

    private void checkSize(MemorySegment seg, long size, String what) {
        if (seg.byteSize() < size) {
            throw new IllegalArgumentException("map '" + name() + "': " + what + " buffer has " + seg.byteSize()
                    + " bytes, needs " + size);
        }
    }

    String hex(MemorySegment key) {
        return keySize == 0 ? "(none)" : "0x" + HexFormat.of().formatHex(key.asSlice(0, keySize).toArray(JAVA_BYTE));
    }

    void checkOpen() {
        descriptor.checkOpen();
    }

    /** Closes the descriptor when this handle owns it; for a map of a loaded object, does nothing. */
    @Override
    public void close() {
        descriptor.close();
    }

    static long roundUp8(long n) {
        return (n + 7) & ~7L;
    }

    @Override
    public String toString() {
        return info.toString();
    }
}
