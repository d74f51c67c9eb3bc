package org.ebpfj.kernel.codec;

/**
 * A Java record does not match the C struct it should mirror. The message names the member and shows both layouts:
 * the struct's members with offsets, sizes and C types (from BTF), and the record's components with Java types.
 */
public final class RecordLayoutException extends IllegalArgumentException {
    private final Class<?> recordType;
    private final String member;

    RecordLayoutException(Class<?> recordType, String member, String message) {
        super(message);
        this.recordType = recordType;
        this.member = member;
    }

    public Class<?> recordType() {
        return recordType;
    }

    /** The struct member (or record component) at fault, "" when the problem is the whole type. */
    public String member() {
        return member;
    }
}
