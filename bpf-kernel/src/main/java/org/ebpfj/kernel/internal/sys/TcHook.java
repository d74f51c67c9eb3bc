package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The classic TC path through libbpf's netlink calls (kernels without tcx): a clsact qdisc on the interface and a
 * direct-action BPF filter on its ingress or egress. Each call returns 0 or -errno.
 */
public final class TcHook {
    private static final Binding HOOK_CREATE = LibBpf.fn("bpf_tc_hook_create", JAVA_INT, ADDRESS);
    private static final Binding HOOK_DESTROY = LibBpf.fn("bpf_tc_hook_destroy", JAVA_INT, ADDRESS);
    private static final Binding ATTACH = LibBpf.fn("bpf_tc_attach", JAVA_INT, ADDRESS, ADDRESS);
    private static final Binding DETACH = LibBpf.fn("bpf_tc_detach", JAVA_INT, ADDRESS, ADDRESS);
    /** {@code struct bpf_tc_hook}: sz, ifindex, attach_point, parent. */
    private static final long HOOK_SIZE = 24;
    /** {@code struct bpf_tc_opts}: sz, prog_fd, flags, prog_id, handle, priority. */
    private static final long OPTS_SIZE = 32;
    public static final int INGRESS = 1;
    public static final int EGRESS = 2;

    private TcHook() {
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
            int created = HOOK_CREATE.asInt(hook);
            if (created < 0 && created != -Errnos.EEXIST) {
                return new Attached(created, null);
            }
            MemorySegment opts = arena.allocate(OPTS_SIZE, 8);
            opts.set(JAVA_LONG, 0, OPTS_SIZE);
            opts.set(JAVA_INT, 8, progFd);
            int r = ATTACH.asInt(hook, opts);
            if (r < 0) {
                if (created == 0) {
                    HOOK_DESTROY.asInt(hook(arena, ifindex, INGRESS | EGRESS));
                }
                return new Attached(r, null);
            }
            return new Attached(0, new Filter(ifindex, attachPoint, opts.get(JAVA_INT, 20), opts.get(JAVA_INT, 24),
                    created == 0));
        }
    }

    /** Removes the filter, and the qdisc when {@link #attach} made it; @return 0 or -errno */
    public static int detach(Filter f) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment opts = arena.allocate(OPTS_SIZE, 8);
            opts.set(JAVA_LONG, 0, OPTS_SIZE);
            opts.set(JAVA_INT, 20, f.handle());
            opts.set(JAVA_INT, 24, f.priority());
            int r = DETACH.asInt(hook(arena, f.ifindex(), f.attachPoint()), opts);
            if (f.createdQdisc()) {
                int q = HOOK_DESTROY.asInt(hook(arena, f.ifindex(), INGRESS | EGRESS));
                r = r < 0 ? r : q;
            }
            return r;
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
