package org.ebpfj.kernel.internal.sys;

import org.ebpfj.object.uapi.Errno;

/**
 * The errno numbers the map and program code compares results with, as plain ints for the hot paths (a bpf() result
 * is {@code -errno}). The numbers come from bpf-object's {@link Errno}, the one table of names and numbers; these
 * fields only spare the hot paths a lookup.
 */
public final class Errnos {
    public static final int EPERM = Errno.EPERM.number();
    public static final int ENOENT = Errno.ENOENT.number();
    public static final int E2BIG = Errno.E2BIG.number();
    public static final int EACCES = Errno.EACCES.number();
    public static final int EEXIST = Errno.EEXIST.number();
    public static final int EINVAL = Errno.EINVAL.number();
    public static final int ENOSPC = Errno.ENOSPC.number();
    public static final int EOPNOTSUPP = Errno.EOPNOTSUPP.number();
    /** Kernel-internal "not supported", returned by bpf() for commands a map type does not implement. */
    public static final int ENOTSUPP = Errno.ENOTSUPP.number();

    private Errnos() {
    }

    /** The constant for a positive errno; null when the table has no such number (callers switch on it). */
    public static Errno of(int errno) {
        return Errno.byNumber(errno).orElse(null);
    }
}
