package org.ebpfj.kernel.error;

import org.ebpfj.kernel.internal.sys.Libc;
import org.ebpfj.object.uapi.Errno;

/** A filesystem the library needs (bpffs, tracefs) is not mounted and could not be mounted. */
public final class MountException extends BpfException {
    private final String path;
    private final String fsType;

    public MountException(String fsType, String path, int errno, String hint) {
        super(fsType + " is not mounted at " + path + " and mounting it failed: " + Errno.nameOf(errno) + " ("
                + Libc.strerror(errno) + ")" + (hint.isEmpty() ? "" : "; " + hint), errno);
        this.path = path;
        this.fsType = fsType;
    }

    public String path() {
        return path;
    }

    public String fsType() {
        return fsType;
    }
}
