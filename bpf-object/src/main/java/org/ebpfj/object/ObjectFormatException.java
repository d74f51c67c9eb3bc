package org.ebpfj.object;

/**
 * A BPF object (or one of its parts) cannot be read: it is truncated, malformed, or not a BPF object at all.
 * Checked on purpose: every reader of untrusted bytes declares it, and no reader lets an unchecked
 * exception escape for bad input.
 */
public class ObjectFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String part;
    private final long offset;

    /**
     * @param part   what was being read, e.g. "ELF header", "section .BTF", "BTF type #12"
     * @param offset byte offset of the problem within {@code part}'s container, or -1 when not known
     */
    public ObjectFormatException(String part, long offset, String message) {
        super(render(part, offset, message));
        this.part = part;
        this.offset = offset;
    }

    public ObjectFormatException(String part, long offset, String message, Throwable cause) {
        super(render(part, offset, message), cause);
        this.part = part;
        this.offset = offset;
    }

    private static String render(String part, long offset, String message) {
        return offset >= 0 ? part + " at offset " + offset + ": " + message : part + ": " + message;
    }

    public String part() {
        return part;
    }

    public long offset() {
        return offset;
    }
}
