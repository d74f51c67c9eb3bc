package org.ebpfj.object.dwarf;

import org.ebpfj.object.ObjectFormatException;

/**
 * The DWARF debug info is malformed. Readers of whole objects catch it and fall back to object-file locations:
 * debug info only makes messages more precise, it never decides whether an object is valid.
 */
public final class DwarfFormatException extends ObjectFormatException {
    private static final long serialVersionUID = 1L;

    public DwarfFormatException(String part, long offset, String message) {
        super(part, offset, message);
    }
}
