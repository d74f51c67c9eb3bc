package org.ebpfj.kernel.error;


/** A program could not be attached to its hook (e.g. a tracepoint that does not exist: ENOENT). */
public final class AttachException extends ProgramException {
    private final String target;

    public AttachException(String programName, String target, int errno, String detail) {
        super(programName, "cannot attach program '" + programName + "' to " + target + ": " + described(errno)
                + libbpfLines(detail), errno, null);
        this.target = target;
    }

    /** What the attach aimed at, e.g. {@code tracepoint syscalls/sys_enter_execve}. */
    public String target() {
        return target;
    }
}
