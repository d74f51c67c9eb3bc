package org.ebpfj.maven.vmlinux;

/** The header cannot be written: the BTF is missing or unreadable, or a requested type is not in it. */
public final class VmlinuxException extends Exception {

    private static final long serialVersionUID = 1L;

    public VmlinuxException(String message) {
        super(message);
    }

    public VmlinuxException(String message, Throwable cause) {
        super(message, cause);
    }
}
