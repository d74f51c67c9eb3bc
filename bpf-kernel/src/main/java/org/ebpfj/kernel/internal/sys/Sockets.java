package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Sockets at the fd level, for what Java's socket classes hide: attaching a BPF socket filter
 * ({@code SO_ATTACH_BPF}) needs the fd, and a test reads what the filter let through. Calls return a result or
 * {@code -errno}. IPv4 UDP on loopback is all the tests need.
 */
public final class Sockets {
    private static final Binding SOCKET = Binding.libcErrno("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final Binding BIND = Binding.libcErrno("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final Binding GETSOCKNAME = Binding.libcErrno("getsockname", JAVA_INT, JAVA_INT, ADDRESS,
            ADDRESS);
    private static final Binding SETSOCKOPT = Binding.libcErrno("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT,
            JAVA_INT, ADDRESS, JAVA_INT);
    private static final Binding RECV = Binding.libcErrno("recv", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG,
            JAVA_INT);
    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    /** {@code SO_ATTACH_BPF} takes a program fd; {@code SO_DETACH_BPF} (= SO_DETACH_FILTER) removes it. */
    private static final int SO_ATTACH_BPF = 50;
    private static final int SO_DETACH_BPF = 27;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int SOCKADDR_IN = 16;

    private Sockets() {
    }

    /** A UDP socket bound to 127.0.0.1 on a free port; @return the fd or -errno */
    public static int udpLoopback() {
        MemorySegment state = Scratch.get().state;
        try (Arena arena = Arena.ofConfined()) {
            int fd = SOCKET.asInt(state, AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                return -CallState.errno(state);
            }
            MemorySegment addr = arena.allocate(SOCKADDR_IN, 4);
            addr.set(JAVA_SHORT, 0, (short) AF_INET);
            addr.set(JAVA_BYTE, 4, (byte) 127);
            addr.set(JAVA_BYTE, 7, (byte) 1);
            if (BIND.asInt(state, fd, addr, SOCKADDR_IN) < 0) {
                int errno = CallState.errno(state);
                Libc.close(state, fd);
                return -errno;
            }
            return fd;
        }
    }

    /** The local port of a bound IPv4 socket, or -errno. */
    public static int localPort(int fd) {
        MemorySegment state = Scratch.get().state;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = arena.allocate(SOCKADDR_IN, 4);
            MemorySegment len = arena.allocateFrom(JAVA_INT, SOCKADDR_IN);
            if (GETSOCKNAME.asInt(state, fd, addr, len) < 0) {
                return -CallState.errno(state);
            }
            return ((addr.get(JAVA_BYTE, 2) & 0xff) << 8) | (addr.get(JAVA_BYTE, 3) & 0xff);
        }
    }

    /** Attaches ({@code progFd} ≥ 0) or detaches ({@code progFd} < 0) a BPF socket filter; @return 0 or -errno */
    public static int filter(int fd, int progFd) {
        MemorySegment state = Scratch.get().state;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocateFrom(JAVA_INT, progFd);
            return CallState.zeroOrErrno(state, SETSOCKOPT.asInt(state, fd, SOL_SOCKET,
                    progFd >= 0 ? SO_ATTACH_BPF : SO_DETACH_BPF, value, 4));
        }
    }

    /** Reads one pending datagram without waiting; @return its length, or -errno (-EAGAIN when none is queued) */
    public static long receive(int fd, MemorySegment buffer) {
        MemorySegment state = Scratch.get().state;
        long r = RECV.asLong(state, fd, buffer, buffer.byteSize(), MSG_DONTWAIT);
        return r >= 0 ? r : -CallState.errno(state);
    }
}
