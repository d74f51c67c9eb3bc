package org.ebpfj.kernel.error;

import java.util.Optional;

import org.ebpfj.kernel.internal.sys.Libc;
import org.ebpfj.object.uapi.Errno;

/**
 * A kernel or libbpf operation failed. Unchecked: callers handle the cases they expect by type
 * ({@link KeyExistsException}, {@link MapFullException}, ...) and let the rest fail the test or the request.
 * Outcomes that are normal (a missing key, the end of an iteration) never use exceptions.
 */
public abstract sealed class BpfException extends RuntimeException
        permits MapException, ProgramException, PermissionException, UnsupportedFeatureException,
        ObjectLoadException, MountException {

    private final int errno;

    protected BpfException(String message, int errno, Throwable cause) {
        super(message, cause);
        this.errno = Math.abs(errno);
    }

    protected BpfException(String message, int errno) {
        this(message, errno, null);
    }

    /** {@code EINVAL (Invalid argument)}: the errno's name and the C library's words for it, for messages. */
    static String described(int errno) {
        return Errno.nameOf(errno) + " (" + Libc.strerror(errno) + ")";
    }

    /** libbpf's messages under a message's first line, each line marked as libbpf's; "" when there are none. */
    static String libbpfLines(String log) {
        return log.isBlank() ? "" : "\n  libbpf: " + log.strip().replace("\n", "\n  libbpf: ");
    }

    /** The positive errno the kernel or libbpf reported, 0 when there was none. */
    public int errno() {
        return errno;
    }

    /** The errno as a constant, when it has a name here. */
    public Optional<Errno> errnoConstant() {
        return errno == 0 ? Optional.empty() : Errno.byNumber(errno);
    }

    /** "E2BIG", or "errno 123" for a number without a name, or "" for no errno. */
    public String errnoName() {
        return errno == 0 ? "" : Errno.nameOf(errno);
    }
}
