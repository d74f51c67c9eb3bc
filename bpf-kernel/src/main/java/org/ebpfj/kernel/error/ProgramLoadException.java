package org.ebpfj.kernel.error;


/** BPF_PROG_LOAD failed before or outside verification (no verifier log explains it). */
public final class ProgramLoadException extends ProgramException {
    private final String libbpfLog;

    public ProgramLoadException(String programName, int errno, String libbpfLog) {
        this(programName, errno, "", libbpfLog);
    }

    /** @param reason the cause in words, from what is known about the program ({@code ""} when unknown) */
    public ProgramLoadException(String programName, int errno, String reason, String libbpfLog) {
        super(programName, "cannot load program '" + programName + "': " + described(errno)
                + (reason.isEmpty() ? "" : ": " + reason) + libbpfLines(libbpfLog), errno, null);
        this.libbpfLog = libbpfLog;
    }

    /** What libbpf printed while loading. */
    public String libbpfLog() {
        return libbpfLog;
    }
}
