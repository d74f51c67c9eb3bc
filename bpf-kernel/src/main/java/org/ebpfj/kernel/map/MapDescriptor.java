package org.ebpfj.kernel.map;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;

import org.ebpfj.kernel.internal.sys.Bpf;
import org.ebpfj.kernel.internal.sys.BpfCommand;
import org.ebpfj.kernel.internal.sys.MapCommands;
import org.ebpfj.kernel.internal.sys.Scratch;

/**
 * A map's file descriptor and its lifetime, and the commands issued on it from the calling thread's scratch buffers
 * (the hot path every handle shares). A descriptor the handle owns is closed by {@link #close()} or, at the latest,
 * when the descriptor becomes unreachable; one a loaded object owns is only marked closed when the object closes.
 */
final class MapDescriptor {
    private static final Cleaner CLEANER = Cleaner.create();

    private final int fd;
    private final String name;
    private final boolean keyless;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;

    MapDescriptor(int fd, String name, boolean keyless, boolean owned) {
        this.fd = fd;
        this.name = name;
        this.keyless = keyless;
        this.cleanable = owned ? CLEANER.register(this, new FdCloser(fd)) : null;
    }

    int fd() {
        checkOpen();
        return fd;
    }

    int lookup(Scratch s) {
        return elem(s, BpfCommand.MAP_LOOKUP_ELEM, keyAddress(s), s.value.address(), 0);
    }

    int update(Scratch s, long flags) {
        return elem(s, BpfCommand.MAP_UPDATE_ELEM, keyAddress(s), s.value.address(), flags);
    }

    int delete(Scratch s) {
        return elem(s, BpfCommand.MAP_DELETE_ELEM, keyAddress(s), 0, 0);
    }

    int lookupAndDelete(Scratch s) {
        return elem(s, BpfCommand.MAP_LOOKUP_AND_DELETE_ELEM, keyAddress(s), s.value.address(), 0);
    }

    int nextKey(Scratch s, boolean first) {
        return elem(s, BpfCommand.MAP_GET_NEXT_KEY, first ? 0 : s.key.address(), s.nextKey.address(), 0);
    }

    private long keyAddress(Scratch s) {
        return keyless ? 0 : s.key.address();
    }

    /** One element command with explicit addresses; @return 0 or -errno */
    int elem(Scratch s, BpfCommand cmd, long key, long value, long flags) {
        checkOpen();
        int r = MapCommands.elem(s, cmd, fd, key, value, flags);
        Reference.reachabilityFence(this);
        return r;
    }

    /** One batch command; @return 0 or -errno, with the count in {@code countOut[0]} */
    int batch(BpfCommand cmd, long inBatch, long outBatch, long keys, long values, int count, long elemFlags,
              int[] countOut) {
        checkOpen();
        int r = MapCommands.batch(cmd, fd, inBatch, outBatch, keys, values, count, elemFlags, countOut);
        Reference.reachabilityFence(this);
        return r;
    }

    boolean isClosed() {
        return closed;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("map '" + name + "' is closed");
        }
    }

    /** The owning object closes: the descriptor is about to go away. */
    void markClosed() {
        closed = true;
    }

    /** Closes the descriptor when the handle owns it; a loaded object's map closes with the object. */
    void close() {
        if (cleanable != null) {
            closed = true;
            cleanable.clean();
        }
    }

    private record FdCloser(int fd) implements Runnable {
        @Override
        public void run() {
            Bpf.close(fd);
        }
    }
}
