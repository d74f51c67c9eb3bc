package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The libc calls the event readers need: memory maps at an offset, epoll, eventfd, perf_event_open(2) and ioctl.
 * Every function returns a non-negative result or {@code -errno} (captured into the caller's {@link CallState}).
 */
@SuppressWarnings("restricted")
public final class EventSys {
    /** {@code __NR_perf_event_open} on x86_64 (glibc has no wrapper). */
    private static final long SYS_PERF_EVENT_OPEN = 298;

    private static final MethodHandle MMAP = Native.libc("mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG),
            CallState.CAPTURE_ERRNO);
    private static final MethodHandle MUNMAP = Native.libc("munmap",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle EPOLL_CREATE1 = Native.libc("epoll_create1",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT), CallState.CAPTURE_ERRNO);
    private static final MethodHandle EPOLL_CTL = Native.libc("epoll_ctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), CallState.CAPTURE_ERRNO);
    private static final MethodHandle EPOLL_WAIT = Native.libc("epoll_wait",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), CallState.CAPTURE_ERRNO);
    private static final MethodHandle EVENTFD = Native.libc("eventfd",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CallState.CAPTURE_ERRNO);
    private static final MethodHandle WRITE = Native.libc("write",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), CallState.CAPTURE_ERRNO);
    private static final MethodHandle IOCTL = Native.libc("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(2),
            CallState.CAPTURE_ERRNO);
    private static final MethodHandle SYSCALL5 = Native.libc("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), CallState.CAPTURE_ERRNO);

    public static final int PROT_READ = 1;
    public static final int PROT_WRITE = 2;
    private static final int MAP_SHARED = 1;
    private static final int O_CLOEXEC = 0x80000;
    public static final int EPOLLIN = 1;
    private static final int EPOLL_CTL_ADD = 1;
    /** {@code struct epoll_event} is packed on x86_64: a u32 of events, then a u64 of user data. */
    public static final long EPOLL_EVENT_SIZE = 12;
    private static final java.lang.foreign.ValueLayout.OfLong PACKED_LONG = JAVA_LONG.withByteAlignment(4);

    private EventSys() {
    }

    /**
     * Maps {@code length} bytes of {@code fd} at {@code offset}, shared. The mapping lives as long as {@code scope}:
     * closing the scope unmaps it, so no access can reach unmapped memory.
     *
     * @return the mapping, or NULL with errno in {@code state}
     */
    public static MemorySegment mmap(MemorySegment state, int fd, long length, int prot, long offset, Arena scope) {
        try {
            MemorySegment p = (MemorySegment) MMAP.invokeExact(state, MemorySegment.NULL, length, prot, MAP_SHARED,
                    fd, offset);
            if (p.address() == -1L) {
                return MemorySegment.NULL;
            }
            long address = p.address();
            return p.reinterpret(length, scope, ignored -> munmap(address, length));
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static void munmap(long address, long length) {
        try {
            int ignored = (int) MUNMAP.invokeExact(MemorySegment.ofAddress(address), length);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** {@code epoll_create1(EPOLL_CLOEXEC)}: a new epoll fd or -errno. */
    public static int epollCreate(MemorySegment state) {
        try {
            int r = (int) EPOLL_CREATE1.invokeExact(state, O_CLOEXEC);
            return r >= 0 ? r : -CallState.errno(state);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Adds {@code fd} to the epoll set, reporting {@code events} with {@code data} as the user data. */
    public static int epollAdd(MemorySegment state, int epfd, int fd, int events, long data) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ev = arena.allocate(EPOLL_EVENT_SIZE, 4);
            ev.set(JAVA_INT, 0, events);
            ev.set(PACKED_LONG, 4, data);
            int r = (int) EPOLL_CTL.invokeExact(state, epfd, EPOLL_CTL_ADD, fd, ev);
            return r == 0 ? 0 : -CallState.errno(state);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * Waits for events; {@code events} holds room for {@code max} {@code struct epoll_event}s.
     *
     * @return the number of ready fds, 0 on timeout, or -errno (EINTR included)
     */
    public static int epollWait(MemorySegment state, int epfd, MemorySegment events, int max, int timeoutMillis) {
        try {
            int r = (int) EPOLL_WAIT.invokeExact(state, epfd, events, max, timeoutMillis);
            return r >= 0 ? r : -CallState.errno(state);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** The user data of the {@code i}-th event {@link #epollWait} returned. */
    public static long epollData(MemorySegment events, int i) {
        return events.get(PACKED_LONG, i * EPOLL_EVENT_SIZE + 4);
    }

    /** A non-blocking, close-on-exec eventfd (used to wake a thread blocked in epoll_wait), or -errno. */
    public static int eventfd(MemorySegment state) {
        try {
            int r = (int) EVENTFD.invokeExact(state, 0, O_CLOEXEC | 0x800 /* EFD_NONBLOCK */);
            return r >= 0 ? r : -CallState.errno(state);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Adds one to an eventfd's counter, which makes it readable. */
    public static int eventfdSignal(MemorySegment state, int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocate(JAVA_LONG);
            one.set(JAVA_LONG, 0, 1L);
            long r = (long) WRITE.invokeExact(state, fd, one, 8L);
            return r == 8 ? 0 : -CallState.errno(state);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** {@code perf_event_open(attr, pid, cpu, group_fd, flags)}: a new perf event fd or -errno. */
    public static int perfEventOpen(MemorySegment state, MemorySegment attr, int pid, int cpu, int groupFd,
                                    long flags) {
        try {
            long r = (long) SYSCALL5.invokeExact(state, SYS_PERF_EVENT_OPEN, attr, (long) pid, (long) cpu,
                    (long) groupFd, flags);
            return r >= 0 ? (int) r : -CallState.errno(state);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** {@code ioctl(fd, request, arg)} with an integer argument: the result or -errno. */
    public static int ioctl(MemorySegment state, int fd, long request, long arg) {
        try {
            int r = (int) IOCTL.invokeExact(state, fd, request, arg);
            return r >= 0 ? r : -CallState.errno(state);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}
