package org.ebpfj.maven.headers;

/** A UAPI header that does not have the helper list in a shape this plugin can read. */
public final class HeaderFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public HeaderFormatException(String message) {
        super(message);
    }
}
