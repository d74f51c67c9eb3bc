package org.ebpfj.kernel.program;

import java.lang.foreign.MemorySegment;

import org.ebpfj.kernel.error.AttachException;
import org.ebpfj.kernel.internal.Owner;
import org.ebpfj.kernel.internal.sys.Bpf;
import org.ebpfj.kernel.internal.sys.LibBpf;

/** An attachment of a program to a hook; closing it detaches the program. Idempotent. */
public final class BpfLink implements AutoCloseable {
    private final Owner owner;
    private final BpfProgram program;
    private final MemorySegment link;
    private final String target;
    private boolean closed;

    BpfLink(Owner owner, BpfProgram program, MemorySegment link, String target) {
        this.owner = owner;
        this.program = program;
        this.link = link;
        this.target = target;
    }

    public BpfProgram program() {
        return program;
    }

    /** What the program is attached to, e.g. {@code tracepoint syscalls/sys_enter_execve}. */
    public String target() {
        return target;
    }

    public synchronized int fd() {
        if (closed) {
            throw new IllegalStateException("link of " + program.name() + " to " + target + " is closed");
        }
        return LibBpf.linkFd(link);
    }

    /** The kernel's id of the link (the first fields of {@code struct bpf_link_info}: type, id, prog_id). */
    public int id() {
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment info = arena.allocate(16, 8);
            int r = Bpf.objInfo(fd(), info);
            if (r < 0) {
                throw new AttachException(program.name(), target, -r, "BPF_OBJ_GET_INFO_BY_FD of the link failed");
            }
            return info.get(java.lang.foreign.ValueLayout.JAVA_INT, 4);
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
        LibBpf.linkDestroy(link);
        owner.untrack(this);
    }

    @Override
    public String toString() {
        return "link " + program.name() + " -> " + target + (isClosed() ? " (closed)" : "");
    }
}
