package org.ebpfj.object.btf;

import org.ebpfj.object.ObjectFormatException;

/** The BTF blob is malformed: the kernel would refuse to load it (and libbpf would too). */
public final class BtfFormatException extends ObjectFormatException {
    private static final long serialVersionUID = 1L;

    public BtfFormatException(String part, long offset, String message) {
        super(part, offset, message);
    }
}
