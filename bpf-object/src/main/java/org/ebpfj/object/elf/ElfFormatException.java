package org.ebpfj.object.elf;

import org.ebpfj.object.ObjectFormatException;

/** The file is not an ELF64 BPF object, or its ELF structure (headers, section table, symbols) is broken. */
public final class ElfFormatException extends ObjectFormatException {
    private static final long serialVersionUID = 1L;

    public ElfFormatException(String part, long offset, String message) {
        super(part, offset, message);
    }

    public ElfFormatException(String part, long offset, String message, Throwable cause) {
        super(part, offset, message, cause);
    }
}
