package org.ebpfj.vm;

/**
 * A kernel could not be resolved, prepared or booted, or a guest failed: the message says what happened and what
 * to do, and {@link #consoleTail()} holds the last lines of the guest's console when there was a guest.
 */
public class VmException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String consoleTail;

    public VmException(String message) {
        this(message, "", null);
    }

    public VmException(String message, Throwable cause) {
        this(message, "", cause);
    }

    public VmException(String message, String consoleTail, Throwable cause) {
        super(message, cause);
        this.consoleTail = consoleTail == null ? "" : consoleTail;
    }

    public String consoleTail() {
        return consoleTail;
    }
}
