package org.ebpfj.kernel.error;


/** A filesystem the library needs (bpffs, tracefs) is not mounted and could not be mounted. */
public final class MountException extends BpfException {
    private final String path;
    private final String fsType;

    public MountException(String fsType, String path, int errno, String hint) {
        super(fsType + " is not mounted at " + path + " and mounting it failed: " + described(errno)
                + (hint.isEmpty() ? "" : "; " + hint), errno);
        this.path = path;
        this.fsType = fsType;
    }

    /** Where the library looked for it and tried to mount it, e.g. {@code /sys/fs/bpf}. */
    public String path() {
        return path;
    }

    /** {@code bpf} or {@code tracefs}. */
    public String fsType() {
        return fsType;
    }
}
