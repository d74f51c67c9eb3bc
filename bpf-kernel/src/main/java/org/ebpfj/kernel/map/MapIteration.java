package org.ebpfj.kernel.map;

import static org.ebpfj.kernel.internal.sys.Errnos.EINVAL;
import static org.ebpfj.kernel.internal.sys.Errnos.ENOENT;
import static org.ebpfj.kernel.internal.sys.Errnos.ENOSPC;
import static org.ebpfj.kernel.internal.sys.Errnos.ENOTSUPP;
import static org.ebpfj.kernel.internal.sys.Errnos.EOPNOTSUPP;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ConcurrentModificationException;

import org.ebpfj.kernel.Kernel;
import org.ebpfj.kernel.error.MapErrors;
import org.ebpfj.kernel.error.UnsupportedFeatureException;
import org.ebpfj.kernel.internal.sys.BpfCommand;
import org.ebpfj.kernel.internal.sys.Scratch;
import org.ebpfj.object.uapi.MapType;

/**
 * Whole-map operations of one {@link RawMap}: walks, counts, clears and batch updates/deletes.
 *
 * <p>Walks use BPF_MAP_LOOKUP_BATCH (hash and array types, Linux 5.6+) in chunks, and fall back to
 * BPF_MAP_GET_NEXT_KEY plus a lookup per key when the kernel has no batch command for the type. Whether a batch
 * command exists is learnt from the first attempt (ENOTSUPP) and remembered per map.
 *
 * <p>GET_NEXT_KEY restarts from the first key when the key it is given was deleted meanwhile. The walk remembers
 * the keys it has reported ({@link KeySet}) so a restart never reports a key twice, and gives up with a
 * {@link ConcurrentModificationException} if restarts keep it from finishing.
 */
final class MapIteration {
    private static final int MAX_CHUNK = 4096;
    private static final long CHUNK_BYTES = 4L << 20;
    private static final int UNKNOWN = 0;
    private static final int SUPPORTED = 1;
    private static final int UNSUPPORTED = -1;

    private final RawMap map;
    private volatile int lookupBatch = UNKNOWN;
    private volatile int lookupAndDeleteBatch = UNKNOWN;
    private volatile int updateBatch = UNKNOWN;
    private volatile int deleteBatch = UNKNOWN;

    MapIteration(RawMap map) {
        this.map = map;
    }

    void forEach(IterationMode mode, boolean delete, RawMap.ChunkVisitor visitor) {
        if (mode != IterationMode.GET_NEXT_KEY) {
            if (walkBatch(delete, visitor)) {
                return;
            }
            if (mode == IterationMode.BATCH) {
                throw new UnsupportedFeatureException((delete ? "BPF_MAP_LOOKUP_AND_DELETE_BATCH" : "BPF_MAP_LOOKUP_BATCH")
                        + " for " + map.info().typeName() + " maps", ENOTSUPP, "use IterationMode.AUTO");
            }
        }
        walkNextKey(delete, true, visitor);
    }

    long count() {
        long[] n = {0};
        if (walkBatch(false, (k, v, count) -> n[0] += count)) {
            return n[0];
        }
        walkNextKey(false, false, (k, v, count) -> n[0] += count);
        return n[0];
    }

    boolean supportsBatch() {
        if (lookupBatch == UNKNOWN) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment token = arena.allocate(tokenSize(), 8);
                MemorySegment keys = arena.allocate(Math.max(1, map.keySize()), 8);
                MemorySegment values = arena.allocate(Math.max(1, map.valueBufferSize()), 8);
                int[] n = new int[1];
                int r = map.descriptor.batch(BpfCommand.MAP_LOOKUP_BATCH, 0, token.address(), keys.address(),
                        values.address(), 1, 0, n);
                lookupBatch = r < 0 && unsupported(-r) ? UNSUPPORTED : SUPPORTED;
            }
        }
        return lookupBatch == SUPPORTED;
    }

    void clear() {
        MapType t = map.type().orElse(null);
        if (t == MapType.ARRAY || t == MapType.PERCPU_ARRAY) {
            zeroArray();
            return;
        }
        if (t != null && t.isKeyless()) {
            Scratch s = Scratch.get(0, map.valueBufferSize());
            int r;
            while ((r = map.descriptor.lookupAndDelete(s)) == 0) {
                // popped one
            }
            if (r != -ENOENT) {
                throw MapErrors.other(map.info(), "BPF_MAP_LOOKUP_AND_DELETE_ELEM", -r, "");
            }
            return;
        }
        forEach(IterationMode.AUTO, true, (k, v, count) -> { });
    }

    private void zeroArray() {
        long n = map.maxEntries();
        int chunk = (int) Math.min(n, MAX_CHUNK);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment keys = arena.allocate(4L * chunk, 8);
            MemorySegment values = arena.allocate(map.valueBufferSize() * chunk, 8);
            for (long start = 0; start < n; start += chunk) {
                int count = (int) Math.min(chunk, n - start);
                for (int i = 0; i < count; i++) {
                    keys.setAtIndex(java.lang.foreign.ValueLayout.JAVA_INT, i, (int) (start + i));
                }
                updateBatch(keys, values, count, UpdateFlag.ANY);
            }
        }
    }

    /** @return false when the kernel has no batch command for this map (nothing was visited) */
    private boolean walkBatch(boolean delete, RawMap.ChunkVisitor visitor) {
        if ((delete ? lookupAndDeleteBatch : lookupBatch) == UNSUPPORTED) {
            return false;
        }
        BpfCommand cmd = delete ? BpfCommand.MAP_LOOKUP_AND_DELETE_BATCH : BpfCommand.MAP_LOOKUP_BATCH;
        long keySize = map.keySize();
        long valueSize = map.valueBufferSize();
        try (Arena arena = Arena.ofConfined()) {
            long tokenSize = tokenSize();
            MemorySegment in = arena.allocate(tokenSize, 8);
            MemorySegment out = arena.allocate(tokenSize, 8);
            int chunk = initialChunk(keySize + valueSize);
            MemorySegment keys = arena.allocate(Math.max(1, keySize) * chunk, 8);
            MemorySegment values = arena.allocate(Math.max(1, valueSize) * chunk, 8);
            int[] n = new int[1];
            boolean first = true;
            while (true) {
                int r = map.descriptor.batch(cmd, first ? 0 : in.address(), out.address(), keys.address(), values.address(),
                        chunk, 0, n);
                if (r < 0 && r != -ENOENT) {
                    if (r == -ENOSPC && n[0] == 0) {
                        // a hash bucket holds more entries than fit in one chunk
                        chunk *= 2;
                        keys = arena.allocate(Math.max(1, keySize) * chunk, 8);
                        values = arena.allocate(Math.max(1, valueSize) * chunk, 8);
                        continue;
                    }
                    if (first && unsupported(-r)) {
                        if (delete) {
                            lookupAndDeleteBatch = UNSUPPORTED;
                        } else {
                            lookupBatch = UNSUPPORTED;
                        }
                        return false;
                    }
                    throw MapErrors.other(map.info(), cmd.uapiName(), -r, "");
                }
                if (first) {
                    if (delete) {
                        lookupAndDeleteBatch = SUPPORTED;
                    } else {
                        lookupBatch = SUPPORTED;
                    }
                }
                if (n[0] > 0) {
                    visitor.visit(keys, values, n[0]);
                }
                if (r == -ENOENT) {
                    return true;
                }
                MemorySegment.copy(out, 0, in, 0, tokenSize);
                first = false;
            }
        }
    }

    private void walkNextKey(boolean delete, boolean withValues, RawMap.ChunkVisitor visitor) {
        long keySize = map.keySize();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment current = arena.allocate(Math.max(1, keySize), 8);
            MemorySegment next = arena.allocate(Math.max(1, keySize), 8);
            MemorySegment value = arena.allocate(Math.max(1, map.valueBufferSize()), 8);
            KeySet seen = new KeySet(keySize);
            long limit = 4 * (map.maxEntries() + 1) + 1024;
            long steps = 0;
            boolean first = true;
            while (true) {
                Scratch s = Scratch.get();
                int r = map.descriptor.elem(s, BpfCommand.MAP_GET_NEXT_KEY, first ? 0 : current.address(), next.address(), 0);
                if (r == -ENOENT) {
                    return;
                }
                if (r < 0) {
                    throw MapErrors.other(map.info(), "BPF_MAP_GET_NEXT_KEY", -r, "");
                }
                if (++steps > limit) {
                    throw new ConcurrentModificationException("map '" + map.name() + "': a GET_NEXT_KEY walk took "
                            + steps + " steps for max_entries " + map.maxEntries()
                            + ": keys are being deleted faster than the walk advances");
                }
                MemorySegment.copy(next, 0, current, 0, keySize);
                first = false;
                if (!seen.add(current, 0)) {
                    continue;
                }
                if (withValues) {
                    r = map.descriptor.elem(s, BpfCommand.MAP_LOOKUP_ELEM, current.address(), value.address(), 0);
                    if (r == -ENOENT) {
                        continue; // deleted between GET_NEXT_KEY and the lookup
                    }
                    if (r < 0) {
                        throw MapErrors.other(map.info(), "BPF_MAP_LOOKUP_ELEM", -r, "");
                    }
                }
                if (delete) {
                    r = map.descriptor.elem(s, BpfCommand.MAP_DELETE_ELEM, current.address(), 0, 0);
                    if (r < 0 && r != -ENOENT) {
                        throw MapErrors.delete(map.info(), -r, map.hex(current));
                    }
                }
                visitor.visit(current, value, 1);
            }
        }
    }

    /*
     * The kernel's batch update (generic_map_update_batch) accepts only BPF_F_LOCK in elem_flags: NOEXIST and EXIST
     * get EINVAL. So those flags, whose per-key answer the caller wants, always use one update per element.
     */
    void updateBatch(MemorySegment keys, MemorySegment values, int count, UpdateFlag flag) {
        if (count == 0) {
            return;
        }
        long keySize = map.keySize();
        long valueSize = map.valueBufferSize();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment k = nativeCopy(arena, keys, keySize * count);
            MemorySegment v = nativeCopy(arena, values, valueSize * count);
            if (flag == UpdateFlag.ANY && updateBatch != UNSUPPORTED) {
                int[] n = new int[1];
                int r = map.descriptor.batch(BpfCommand.MAP_UPDATE_BATCH, 0, 0, k.address(), v.address(), count, 0, n);
                if (r == 0) {
                    updateBatch = SUPPORTED;
                    return;
                }
                if (updateBatch == UNKNOWN && unsupported(-r)) {
                    updateBatch = UNSUPPORTED;
                } else {
                    updateBatch = SUPPORTED;
                    // on failure the kernel reports how many elements it wrote: the next one failed
                    int failed = n[0] >= 0 && n[0] < count ? n[0] : 0;
                    throw MapErrors.update(map.info(), -r, flag, map.hex(k.asSlice(failed * keySize, keySize)));
                }
            }
            Scratch s = Scratch.get(keySize, valueSize);
            for (int i = 0; i < count; i++) {
                long ko = i * keySize;
                int r = map.descriptor.elem(s, BpfCommand.MAP_UPDATE_ELEM, k.address() + ko, v.address() + i * valueSize,
                        flag.bits());
                if (r != 0) {
                    throw MapErrors.update(map.info(), -r, flag, map.hex(k.asSlice(ko, keySize)));
                }
            }
        }
    }

    int deleteBatch(MemorySegment keys, int count) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment k = nativeCopy(arena, keys, map.keySize() * count);
            int deleted = 0;
            int pos = 0;
            int[] n = new int[1];
            while (pos < count && deleteBatch != UNSUPPORTED) {
                int r = map.descriptor.batch(BpfCommand.MAP_DELETE_BATCH, 0, 0, k.address() + pos * map.keySize(), 0,
                        count - pos, 0, n);
                if (r == 0) {
                    deleteBatch = SUPPORTED;
                    return deleted + n[0];
                }
                if (pos == 0 && n[0] == 0 && deleteBatch == UNKNOWN && unsupported(-r)) {
                    deleteBatch = UNSUPPORTED;
                    break;
                }
                deleteBatch = SUPPORTED;
                deleted += n[0];
                if (r != -ENOENT || n[0] < 0 || pos + n[0] >= count) {
                    int failed = Math.min(count - 1, pos + Math.max(0, n[0]));
                    throw MapErrors.delete(map.info(), -r, map.hex(k.asSlice(failed * map.keySize(), map.keySize())));
                }
                pos += n[0] + 1; // skip the absent key
            }
            Scratch s = Scratch.get();
            for (; pos < count; pos++) {
                long ko = pos * map.keySize();
                int r = map.descriptor.elem(s, BpfCommand.MAP_DELETE_ELEM, k.address() + ko, 0, 0);
                if (r == 0) {
                    deleted++;
                } else if (r != -ENOENT) {
                    throw MapErrors.delete(map.info(), -r, map.hex(k.asSlice(ko)));
                }
            }
            return deleted;
        }
    }

    private static MemorySegment nativeCopy(Arena arena, MemorySegment seg, long size) {
        if (seg.isNative()) {
            return seg;
        }
        MemorySegment copy = arena.allocate(Math.max(1, size), 8);
        MemorySegment.copy(seg, 0, copy, 0, size);
        return copy;
    }

    /** The batch cursor: a u32 bucket index for hash maps, a key-sized value for the generic implementation. */
    private long tokenSize() {
        return Math.max(8, RawMap.roundUp8(map.keySize()));
    }

    private int initialChunk(long entryBytes) {
        long byMemory = CHUNK_BYTES / Math.max(1, entryBytes);
        long byMap = Math.max(16, map.maxEntries());
        return (int) Math.max(1, Math.min(MAX_CHUNK, Math.min(byMemory, byMap)));
    }

    /** Errnos meaning "no such batch command for this map type" (EINVAL only before Linux 5.6 had them at all). */
    private static boolean unsupported(int errno) {
        return errno == ENOTSUPP || errno == EOPNOTSUPP || (errno == EINVAL && !Kernel.version().atLeast(5, 6));
    }
}
