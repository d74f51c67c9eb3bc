package org.ebpfj.kernel.error;

import org.ebpfj.kernel.internal.sys.Libc;
import org.ebpfj.object.uapi.Errno;

/**
 * Opening or loading an object failed for a reason that is not one map or one program (a malformed ELF, BTF the
 * kernel refuses, a relocation libbpf cannot resolve). The libbpf log says what happened.
 */
public final class ObjectLoadException extends BpfException {
    private final String objectName;
    private final String libbpfLog;

    public ObjectLoadException(String objectName, String stage, int errno, String libbpfLog) {
        super("cannot " + stage + " BPF object '" + objectName + "': " + Errno.nameOf(errno) + " ("
                + Libc.strerror(errno) + ")" + (libbpfLog.isBlank() ? ""
                        : "\n  libbpf: " + libbpfLog.strip().replace("\n", "\n  libbpf: ")), errno);
        this.objectName = objectName;
        this.libbpfLog = libbpfLog;
    }

    public String objectName() {
        return objectName;
    }

    public String libbpfLog() {
        return libbpfLog;
    }
}
