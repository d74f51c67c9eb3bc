package org.ebpfj.kernel.event;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.ebpfj.kernel.error.MapOperationException;
import org.ebpfj.kernel.internal.sys.CallState;
import org.ebpfj.kernel.internal.sys.EventSys;
import org.ebpfj.kernel.internal.sys.Libc;

/**
 * The waiting half of a reader and its guard: one epoll fd over the reader's fds plus an eventfd that
 * {@link #close} signals, so a thread blocked in {@link #await} returns at once when another thread closes the
 * reader. A consuming section ({@link #enter} to {@link #leave}) is the only place a reader touches its mappings;
 * closing waits for the section to end before the fds and mappings go away (a close from inside the section, i.e.
 * from a handler, is finished by its {@link #leave}). Nothing is left behind (no thread, no fd).
 */
final class Poller implements AutoCloseable {
    private static final long WAKE = -1;

    private final String mapName;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment state = CallState.allocate(arena);
    private final MemorySegment events;
    private final int maxEvents;
    private final ReentrantLock busy = new ReentrantLock();
    private final int epollFd;
    private final int wakeFd;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The reader's own release, when a handler closed the reader inside a section; run by its last leave. */
    private Runnable deferred;

    Poller(String mapName, int maxEvents) {
        this.mapName = mapName;
        this.maxEvents = maxEvents + 1;
        this.events = arena.allocate(EventSys.EPOLL_EVENT_SIZE * this.maxEvents, 8);
        int ep = EventSys.epollCreate(state);
        if (ep < 0) {
            arena.close();
            throw new MapOperationException(mapName, "epoll_create1", -ep, "");
        }
        int wake = EventSys.eventfd(state);
        if (wake < 0) {
            Libc.close(state, ep);
            arena.close();
            throw new MapOperationException(mapName, "eventfd", -wake, "");
        }
        this.epollFd = ep;
        this.wakeFd = wake;
        add(wake, WAKE);
    }

    /** Watches {@code fd} for readability; {@link #await} reports {@code id} when it is ready. */
    void add(int fd, long id) {
        int r = EventSys.epollAdd(state, epollFd, fd, EventSys.EPOLLIN, id);
        if (r < 0) {
            throw new MapOperationException(mapName, "epoll_ctl(EPOLL_CTL_ADD)", -r, "");
        }
    }

    /** Enters a consuming section; throws if the reader is closed. Pair with {@link #leave}. */
    void enter() {
        busy.lock();
        if (closed.get()) {
            busy.unlock();
            throw new IllegalStateException("the reader of map '" + mapName + "' is closed");
        }
    }

    void leave() {
        try {
            if (deferred != null && busy.getHoldCount() == 1) {
                Runnable release = deferred;
                deferred = null;
                release(release);
            }
        } finally {
            busy.unlock();
        }
    }

    /**
     * Waits (inside {@link #enter}) until a watched fd is readable, the timeout passes or the reader is closed.
     *
     * @return false when woken by {@link #close} (the caller should stop), true otherwise
     */
    boolean await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(0, (left + 999_999) / 1_000_000));
            int n = EventSys.epollWait(state, epollFd, events, maxEvents, millis);
            if (closed.get()) {
                return false;
            }
            if (n == -4 /* EINTR */ && left > 0) {
                continue;
            }
            if (n < 0) {
                throw new MapOperationException(mapName, "epoll_wait", -n, "");
            }
            return true;
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    /**
     * Wakes a waiting thread, waits for it to leave, then closes the epoll fd and the eventfd and runs
     * {@code release} (the reader's unmapping), all before any other thread can enter. Called from inside a
     * section (a handler closing its own reader), it returns at once and the section's end does that. Idempotent.
     */
    void close(Runnable release) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        EventSys.eventfdSignal(CallState.allocate(Arena.ofAuto()), wakeFd);
        if (busy.isHeldByCurrentThread()) {
            deferred = release;
            return;
        }
        busy.lock();
        try {
            release(release);
        } finally {
            busy.unlock();
        }
    }

    @Override
    public void close() {
        close(() -> { });
    }

    private void release(Runnable release) {
        MemorySegment own = CallState.allocate(Arena.ofAuto());
        Libc.close(own, epollFd);
        Libc.close(own, wakeFd);
        arena.close();
        release.run();
    }
}
