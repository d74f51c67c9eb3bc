package org.ebpfj.object.spec;

/** Fields of a map definition, for saying which ones an object leaves for user space to set before load. */
public enum MapField {
    TYPE("type"),
    KEY_SIZE("key_size"),
    VALUE_SIZE("value_size"),
    MAX_ENTRIES("max_entries"),
    MAP_FLAGS("map_flags");

    private final String cName;

    MapField(String cName) {
        this.cName = cName;
    }

    /** The field's name in a BTF map definition, e.g. {@code max_entries}. */
    public String cName() {
        return cName;
    }
}
