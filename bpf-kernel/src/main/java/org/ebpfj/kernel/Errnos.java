package org.ebpfj.kernel;

import org.ebpfj.object.uapi.Errno;

/**
 * The errno numbers the map and program code compares results with, as plain ints for the hot paths (a bpf() result
 * is {@code -errno}). The numbers come from bpf-object's {@link Errno}, the one table of names and numbers; these
 * fields only spare the hot paths a lookup.
 */
final class Errnos {
    static final int EPERM = Errno.EPERM.number();
    static final int ENOENT = Errno.ENOENT.number();
    static final int E2BIG = Errno.E2BIG.number();
    static final int EACCES = Errno.EACCES.number();
    static final int EEXIST = Errno.EEXIST.number();
    static final int EINVAL = Errno.EINVAL.number();
    static final int ENOSPC = Errno.ENOSPC.number();
    static final int EOPNOTSUPP = Errno.EOPNOTSUPP.number();
    /** Kernel-internal "not supported", returned by bpf() for commands a map type does not implement. */
    static final int ENOTSUPP = Errno.ENOTSUPP.number();

    private Errnos() {
    }

    /** The constant for a positive errno; null when the table has no such number (callers switch on it). */
    static Errno of(int errno) {
        return Errno.byNumber(errno).orElse(null);
    }
}
