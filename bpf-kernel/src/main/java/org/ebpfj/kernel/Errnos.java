package org.ebpfj.kernel;

/** The errno numbers the map and program code branches on (Linux x86_64). */
final class Errnos {
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int E2BIG = 7;
    static final int EACCES = 13;
    static final int EEXIST = 17;
    static final int EINVAL = 22;
    static final int ENOSPC = 28;
    static final int EOPNOTSUPP = 95;
    /** Kernel-internal "not supported", returned by bpf() for commands a map type does not implement. */
    static final int ENOTSUPP = 524;

    private Errnos() {
    }
}
