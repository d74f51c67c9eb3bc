package org.ebpfj.object.rules;

import java.util.Locale;
import java.util.Optional;

import org.ebpfj.object.spec.MapField;

/**
 * Inputs of a kernel rule. A rule that reads a field whose value is not known yet (left to user space, or an inner
 * map user space supplies) cannot be decided and is skipped.
 */
public enum AttrField {
    TYPE,
    KEY_SIZE,
    VALUE_SIZE,
    MAX_ENTRIES,
    MAP_FLAGS,
    INNER_MAP,
    STRUCT_OPS_VALUE;

    /** The field as {@code union bpf_attr} names it, as messages quote it: {@code key_size}, {@code map_flags}. */
    String cName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<AttrField> of(MapField f) {
        switch (f) {
            case TYPE:
                return Optional.of(TYPE);
            case KEY_SIZE:
                return Optional.of(KEY_SIZE);
            case VALUE_SIZE:
                return Optional.of(VALUE_SIZE);
            case MAX_ENTRIES:
                return Optional.of(MAX_ENTRIES);
            case MAP_FLAGS:
                return Optional.of(MAP_FLAGS);
            default:
                return Optional.empty();
        }
    }
}
