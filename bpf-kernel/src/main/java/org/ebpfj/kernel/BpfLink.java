package org.ebpfj.kernel;

import java.lang.foreign.MemorySegment;

import org.ebpfj.kernel.ffi.LibBpf;

/** An attachment of a program to a hook; closing it detaches the program. Idempotent. */
public final class BpfLink implements AutoCloseable {
    private final BpfObject owner;
    private final BpfProgram program;
    private final MemorySegment link;
    private final String target;
    private boolean closed;

    BpfLink(BpfObject owner, BpfProgram program, MemorySegment link, String target) {
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
