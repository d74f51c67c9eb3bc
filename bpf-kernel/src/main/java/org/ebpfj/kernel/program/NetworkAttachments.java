package org.ebpfj.kernel.program;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

import org.ebpfj.kernel.error.AttachException;
import org.ebpfj.kernel.internal.sys.Bpf;
import org.ebpfj.kernel.internal.sys.Errnos;
import org.ebpfj.kernel.internal.sys.LibBpfAttach;
import org.ebpfj.kernel.internal.sys.LinkCreate;
import org.ebpfj.kernel.internal.sys.Namespaces;
import org.ebpfj.kernel.internal.sys.Sockets;
import org.ebpfj.kernel.internal.sys.TcHook;

/**
 * Attaching packet and cgroup programs: XDP and TC on an interface, a socket filter on a socket, a cgroup program
 * on a cgroup directory. Each call returns a {@link BpfLink} that detaches when closed (at the latest with the
 * object). Interfaces are looked up in the calling thread's network namespace, as the kernel does.
 * <pre>{@code
 * try (BpfLink l = NetworkAttachments.tc(o.program("count_tc"), ifindex, TcDirection.INGRESS, TcMode.AUTO)) { ... }
 * }</pre>
 */
public final class NetworkAttachments {
    private NetworkAttachments() {
    }

    /** An XDP program on the interface {@code ifindex} (a bpf_link, so it leaves no program behind on exit). */
    public static BpfLink xdp(BpfProgram program, int ifindex) {
        MemorySegment p = program.pointer();
        return program.link("xdp ifindex " + ifindex, state -> LibBpfAttach.xdp(state, p, ifindex));
    }

    /**
     * A TC ({@code SCHED_CLS}) program on the {@code direction} of interface {@code ifindex}. {@link TcMode#AUTO}
     * makes a tcx link where the kernel has tcx and falls back to a clsact qdisc and direct-action filter where it
     * does not (the kernel answers EINVAL for the unknown attach type).
     */
    public static BpfLink tc(BpfProgram program, int ifindex, TcDirection direction, TcMode mode) {
        int progFd = program.fd();
        if (mode != TcMode.CLASSIC) {
            String target = "tcx " + direction.name().toLowerCase() + " ifindex " + ifindex;
            int fd = LinkCreate.create(progFd, ifindex,
                    direction == TcDirection.INGRESS ? LinkCreate.TCX_INGRESS : LinkCreate.TCX_EGRESS);
            if (fd >= 0) {
                return program.track(new BpfLink(program.owner(), program, target, fd, () -> Bpf.close(fd)));
            }
            if (mode == TcMode.TCX || -fd != Errnos.EINVAL) {
                throw new AttachException(program.name(), target, -fd, -fd == Errnos.EINVAL
                        ? "this kernel has no tcx (6.6+); TcMode.AUTO or CLASSIC use a clsact qdisc instead" : "");
            }
        }
        return classicTc(program, progFd, ifindex, direction);
    }

    private static BpfLink classicTc(BpfProgram program, int progFd, int ifindex, TcDirection direction) {
        String target = "tc clsact " + direction.name().toLowerCase() + " ifindex " + ifindex;
        TcHook.Attached a = TcHook.attach(ifindex, direction == TcDirection.INGRESS ? TcHook.INGRESS
                : TcHook.EGRESS, progFd);
        if (a.status() < 0) {
            throw new AttachException(program.name(), target, -a.status(), "bpf_tc_hook_create/bpf_tc_attach failed");
        }
        // A qdisc lives in the namespace it was made in: the detach goes back there, whichever thread closes.
        int netns = Namespaces.open("/proc/thread-self/ns/net");
        if (netns < 0) {
            TcHook.detach(a.filter());
            throw new AttachException(program.name(), target, -netns, "cannot open this thread's network namespace");
        }
        TcHook.Filter filter = a.filter();
        return program.track(new BpfLink(program.owner(), program, target, -1, () -> {
            InNamespace.run(netns, "of " + target, () -> TcHook.detach(filter));
            Bpf.close(netns);
        }));
    }

    /**
     * A socket filter ({@code SOCKET_FILTER} program) on the socket {@code socketFd} ({@code SO_ATTACH_BPF}): the
     * program's return value is how many bytes of each packet the socket keeps, 0 drops it. Closing the link
     * detaches the filter; the socket stays the caller's.
     */
    public static BpfLink socketFilter(BpfProgram program, int socketFd) {
        String target = "socket fd " + socketFd;
        int r = Sockets.filter(socketFd, program.fd());
        if (r < 0) {
            throw new AttachException(program.name(), target, -r, "setsockopt(SO_ATTACH_BPF) failed");
        }
        return program.track(new BpfLink(program.owner(), program, target, -1, () -> Sockets.filter(socketFd, -1)));
    }

    /**
     * A cgroup program ({@code cgroup_skb}, {@code cgroup/sock_create}, {@code cgroup/connect4}, ...) on the cgroup v2
     * directory {@code cgroup}: it sees what the processes in that cgroup (and below) do.
     */
    public static BpfLink cgroup(BpfProgram program, Path cgroup) {
        MemorySegment p = program.pointer();
        String target = "cgroup " + cgroup;
        int fd = Namespaces.open(cgroup.toString());
        if (fd < 0) {
            throw new AttachException(program.name(), target, -fd, "cannot open the cgroup directory");
        }
        try {
            return program.link(target, state -> LibBpfAttach.cgroup(state, p, fd));
        } finally {
            Bpf.close(fd); // the link holds its own reference to the cgroup
        }
    }
}
