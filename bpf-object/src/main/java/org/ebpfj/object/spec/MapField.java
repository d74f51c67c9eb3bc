package org.ebpfj.object.spec;

import java.util.Locale;

/** Fields of a map definition, for saying which ones an object leaves for user space to set before load. */
public enum MapField {
    TYPE,
    KEY_SIZE,
    VALUE_SIZE,
    MAX_ENTRIES,
    MAP_FLAGS;

    /** The C name is the constant's, in lower case; kept, as the readers and reports ask for it per map. */
    private final String cName = name().toLowerCase(Locale.ROOT);

    /** The field's name in a BTF map definition, e.g. {@code max_entries}. */
    public String cName() {
        return cName;
    }
}
