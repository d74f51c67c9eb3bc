package org.ebpfj.kernel.error;


/**
 * Opening or loading an object failed for a reason that is not one map or one program (a malformed ELF, BTF the
 * kernel refuses, a relocation libbpf cannot resolve). The libbpf log says what happened.
 */
public final class ObjectLoadException extends BpfException {
    private final String objectName;
    private final String libbpfLog;

    public ObjectLoadException(String objectName, String stage, int errno, String libbpfLog) {
        super("cannot " + stage + " BPF object '" + objectName + "': " + described(errno)
                + libbpfLines(libbpfLog), errno);
        this.objectName = objectName;
        this.libbpfLog = libbpfLog;
    }

    /** The name the object was opened under (its file name, or the name given with its bytes). */
    public String objectName() {
        return objectName;
    }

    /** libbpf's warnings during the step that failed; shown in the message, not parsed. */
    public String libbpfLog() {
        return libbpfLog;
    }
}
