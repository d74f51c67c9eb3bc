package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Entering a network namespace on the calling thread ({@code setns(2)}: only that thread moves, so a dedicated
 * thread runs the work there) and naming interfaces in it ({@code if_nametoindex} answers for the thread's
 * namespace). Calls return a result or {@code -errno}.
 */
public final class Namespaces {
    private static final MethodHandle OPEN = Native.libc("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CallState.CAPTURE_ERRNO);
    private static final MethodHandle SETNS = Native.libc("setns",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CallState.CAPTURE_ERRNO);
    private static final MethodHandle IF_NAMETOINDEX = Native.libc("if_nametoindex",
            FunctionDescriptor.of(JAVA_INT, ADDRESS), CallState.CAPTURE_ERRNO);
    private static final int O_RDONLY_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;

    private Namespaces() {
    }

    /** Opens a namespace file (/run/netns/NAME, /proc/thread-self/ns/net) or a cgroup directory read-only; fd or -errno */
    public static int open(String path) {
        MemorySegment state = Scratch.get().state;
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(path), O_RDONLY_CLOEXEC);
            return fd >= 0 ? fd : -CallState.errno(state);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Moves the calling thread into the network namespace open at {@code fd}; @return 0 or -errno */
    public static int enterNetwork(int fd) {
        MemorySegment state = Scratch.get().state;
        try {
            int r = (int) SETNS.invokeExact(state, fd, CLONE_NEWNET);
            return r == 0 ? 0 : -CallState.errno(state);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** The index of interface {@code name} in the calling thread's network namespace, or -errno. */
    public static int interfaceIndex(String name) {
        MemorySegment state = Scratch.get().state;
        try (Arena arena = Arena.ofConfined()) {
            int index = (int) IF_NAMETOINDEX.invokeExact(state, arena.allocateFrom(name));
            return index > 0 ? index : -CallState.errno(state);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}
