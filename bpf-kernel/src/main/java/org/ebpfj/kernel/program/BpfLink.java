package org.ebpfj.kernel.program;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.ebpfj.kernel.error.AttachException;
import org.ebpfj.kernel.internal.Owner;
import org.ebpfj.kernel.internal.sys.Bpf;

/**
 * An attachment of a program to a hook; closing it detaches the program. Idempotent. Most kinds are kernel
 * {@code bpf_link}s (with an fd and an id); a socket filter and a classic TC filter are not, and have no fd.
 */
public final class BpfLink implements AutoCloseable {
    /** How an attachment lets go of its hook. */
    interface Detach {
        void detach();
    }

    private final Owner owner;
    private final BpfProgram program;
    private final String target;
    private final int fd;
    private final Detach detach;
    private boolean closed;

    BpfLink(Owner owner, BpfProgram program, String target, int fd, Detach detach) {
        this.owner = owner;
        this.program = program;
        this.target = target;
        this.fd = fd;
        this.detach = detach;
    }

    public BpfProgram program() {
        return program;
    }

    /** What the program is attached to, e.g. {@code tracepoint syscalls/sys_enter_execve}. */
    public String target() {
        return target;
    }

    /** The link's fd; -1 for attachments that are not kernel links (socket filters, classic TC filters). */
    public synchronized int fd() {
        if (closed) {
            throw new IllegalStateException("link of " + program.name() + " to " + target + " is closed");
        }
        return fd;
    }

    /** The kernel's id of the link (the first fields of {@code struct bpf_link_info}: type, id, prog_id). */
    public int id() {
        int linkFd = fd();
        if (linkFd < 0) {
            throw new IllegalStateException(target + " is not a kernel bpf_link, so it has no id");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(16, 8);
            int r = Bpf.objInfo(linkFd, info);
            if (r < 0) {
                throw new AttachException(program.name(), target, -r, "BPF_OBJ_GET_INFO_BY_FD of the link failed");
            }
            return info.get(ValueLayout.JAVA_INT, 4);
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        detach.detach();
        owner.untrack(this);
    }

    @Override
    public String toString() {
        return "link " + program.name() + " -> " + target + (isClosed() ? " (closed)" : "");
    }
}
