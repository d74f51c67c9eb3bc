package org.ebpfj.kernel.error;

import org.ebpfj.kernel.internal.sys.Libc;
import org.ebpfj.object.uapi.Errno;

/** A program could not be attached to its hook (e.g. a tracepoint that does not exist: ENOENT). */
public final class AttachException extends ProgramException {
    private final String target;

    public AttachException(String programName, String target, int errno, String detail) {
        super(programName, "cannot attach program '" + programName + "' to " + target + ": " + Errno.nameOf(errno)
                + " (" + Libc.strerror(errno) + ")" + (detail.isBlank() ? ""
                        : "\n  libbpf: " + detail.strip().replace("\n", "\n  libbpf: ")), errno, null);
        this.target = target;
    }

    /** What the attach aimed at, e.g. {@code tracepoint syscalls/sys_enter_execve}. */
    public String target() {
        return target;
    }
}
