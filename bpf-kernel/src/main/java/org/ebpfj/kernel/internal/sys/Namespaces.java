package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Entering a network namespace on the calling thread ({@code setns(2)}: only that thread moves, so a dedicated
 * thread runs the work there) and naming interfaces in it ({@code if_nametoindex} answers for the thread's
 * namespace). Calls return a result or {@code -errno}.
 */
public final class Namespaces {
    private static final Binding OPEN = Binding.libcErrno("open", JAVA_INT, ADDRESS, JAVA_INT);
    private static final Binding SETNS = Binding.libcErrno("setns", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final Binding IF_NAMETOINDEX = Binding.libcErrno("if_nametoindex", JAVA_INT, ADDRESS);
    private static final int O_RDONLY_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;

    private Namespaces() {
    }

    /** Opens a namespace file (/run/netns/NAME, /proc/thread-self/ns/net) or a cgroup directory read-only; fd or -errno */
    public static int open(String path) {
        MemorySegment state = Scratch.get().state;
        try (Arena arena = Arena.ofConfined()) {
            int fd = OPEN.asInt(state, arena.allocateFrom(path), O_RDONLY_CLOEXEC);
            return fd >= 0 ? fd : -CallState.errno(state);
        }
    }

    /** Moves the calling thread into the network namespace open at {@code fd}; @return 0 or -errno */
    public static int enterNetwork(int fd) {
        MemorySegment state = Scratch.get().state;
        return CallState.zeroOrErrno(state, SETNS.asInt(state, fd, CLONE_NEWNET));
    }

    /** The index of interface {@code name} in the calling thread's network namespace, or -errno. */
    public static int interfaceIndex(String name) {
        MemorySegment state = Scratch.get().state;
        try (Arena arena = Arena.ofConfined()) {
            int index = IF_NAMETOINDEX.asInt(state, arena.allocateFrom(name));
            return index > 0 ? index : -CallState.errno(state);
        }
    }
}
