package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The classic TC path through libbpf's netlink calls (kernels without tcx): a clsact qdisc on the interface and a
 * direct-action BPF filter on its ingress or egress. Each call returns 0 or -errno.
 */
public final class TcHook {
    private static final SymbolLookup LIB = Native.library(LibBpf.LIBRARY);
    private static final MethodHandle HOOK_CREATE = fn("bpf_tc_hook_create", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle HOOK_DESTROY = fn("bpf_tc_hook_destroy",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle ATTACH = fn("bpf_tc_attach", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle DETACH = fn("bpf_tc_detach", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    /** {@code struct bpf_tc_hook}: sz, ifindex, attach_point, parent. */
    private static final long HOOK_SIZE = 24;
    /** {@code struct bpf_tc_opts}: sz, prog_fd, flags, prog_id, handle, priority. */
    private static final long OPTS_SIZE = 32;
    public static final int INGRESS = 1;
    public static final int EGRESS = 2;
    private static final int EEXIST = 17;

    private TcHook() {
    }

    private static MethodHandle fn(String name, FunctionDescriptor fd) {
        return Native.downcall(LIB, LibBpf.LIBRARY, name, fd);
    }

    /** What a filter attach left to detach it again: the handle and priority the kernel chose. */
    public record Filter(int ifindex, int attachPoint, int handle, int priority, boolean createdQdisc) {
    }

    /** A filter, or the -errno of the step that failed (filter null). */
    public record Attached(int status, Filter filter) {
    }

    /** Makes the clsact qdisc (when missing) and attaches {@code progFd} as a direct-action filter. */
    public static Attached attach(int ifindex, int attachPoint, int progFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment hook = hook(arena, ifindex, attachPoint);
            int created = (int) HOOK_CREATE.invokeExact(hook);
            if (created < 0 && created != -EEXIST) {
                return new Attached(created, null);
            }
            MemorySegment opts = arena.allocate(OPTS_SIZE, 8);
            opts.set(JAVA_LONG, 0, OPTS_SIZE);
            opts.set(JAVA_INT, 8, progFd);
            int r = (int) ATTACH.invokeExact(hook, opts);
            if (r < 0) {
                if (created == 0) {
                    int ignored = (int) HOOK_DESTROY.invokeExact(hook(arena, ifindex, INGRESS | EGRESS));
                }
                return new Attached(r, null);
            }
            return new Attached(0, new Filter(ifindex, attachPoint, opts.get(JAVA_INT, 20), opts.get(JAVA_INT, 24),
                    created == 0));
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Removes the filter, and the qdisc when {@link #attach} made it; @return 0 or -errno */
    public static int detach(Filter f) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment opts = arena.allocate(OPTS_SIZE, 8);
            opts.set(JAVA_LONG, 0, OPTS_SIZE);
            opts.set(JAVA_INT, 20, f.handle());
            opts.set(JAVA_INT, 24, f.priority());
            int r = (int) DETACH.invokeExact(hook(arena, f.ifindex(), f.attachPoint()), opts);
            if (f.createdQdisc()) {
                int q = (int) HOOK_DESTROY.invokeExact(hook(arena, f.ifindex(), INGRESS | EGRESS));
                r = r < 0 ? r : q;
            }
            return r;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static MemorySegment hook(Arena arena, int ifindex, int attachPoint) {
        MemorySegment hook = arena.allocate(HOOK_SIZE, 8);
        hook.set(JAVA_LONG, 0, HOOK_SIZE);
        hook.set(JAVA_INT, 8, ifindex);
        hook.set(JAVA_INT, 12, attachPoint);
        return hook;
    }
}
