package org.ebpfj.object.uapi;

import java.util.Optional;

/**
 * The errno values the kernel returns from bpf(2), with their Linux x86_64 numbers.
 * {@link #ENOTSUPP} (524) is kernel-internal: it has no libc name, but bpf() does return it.
 */
public enum Errno {
    EPERM(1, "operation not permitted"),
    ENOENT(2, "no such file or directory"),
    ESRCH(3, "no such process"),
    EINTR(4, "interrupted system call"),
    E2BIG(7, "argument list too long"),
    EBADF(9, "bad file descriptor"),
    EAGAIN(11, "resource temporarily unavailable"),
    ENOMEM(12, "cannot allocate memory"),
    EACCES(13, "permission denied"),
    EFAULT(14, "bad address"),
    EBUSY(16, "device or resource busy"),
    EEXIST(17, "file exists"),
    EXDEV(18, "invalid cross-device link"),
    ENODEV(19, "no such device"),
    ENOTDIR(20, "not a directory"),
    EINVAL(22, "invalid argument"),
    EMFILE(24, "too many open files"),
    ENOSPC(28, "no space left on device"),
    ERANGE(34, "numerical result out of range"),
    ENOSYS(38, "function not implemented"),
    ELOOP(40, "too many levels of symbolic links"),
    ENODATA(61, "no data available"),
    EPROTO(71, "protocol error"),
    EOVERFLOW(75, "value too large for defined data type"),
    EOPNOTSUPP(95, "operation not supported"),
    ENOTSUPP(524, "operation not supported (kernel-internal ENOTSUPP)");

    private final int number;
    private final String description;

    Errno(int number, String description) {
        this.number = number;
        this.description = description;
    }

    public int number() {
        return number;
    }

    /** strerror-like text, e.g. "invalid argument" for EINVAL (what libbpf prints after "map create:"). */
    public String description() {
        return description;
    }

    public static Optional<Errno> byNumber(int number) {
        int n = Math.abs(number);
        for (Errno e : values()) {
            if (e.number == n) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The name for a raw errno, e.g. "EINVAL", or "errno 123" when it has no entry here. */
    public static String nameOf(int number) {
        return byNumber(number).map(Enum::name).orElse("errno " + Math.abs(number));
    }
}
