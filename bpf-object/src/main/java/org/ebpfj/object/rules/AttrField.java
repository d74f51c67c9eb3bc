package org.ebpfj.object.rules;

import java.util.Locale;
import java.util.Set;

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

    /** This field's bit in a set of fields held as a {@code long}: a rule's inputs and the unknown ones. */
    long bit() {
        return 1L << ordinal();
    }

    /** The fields as bits ({@link #bit()}). */
    static long bits(Set<AttrField> fields) {
        long bits = 0;
        for (AttrField f : fields) {
            bits |= f.bit();
        }
        return bits;
    }

    /** The bit of the attribute field a map definition field is, or 0 when it has none. */
    static long bitOf(MapField f) {
        AttrField same = switch (f) {
            case TYPE -> TYPE;
            case KEY_SIZE -> KEY_SIZE;
            case VALUE_SIZE -> VALUE_SIZE;
            case MAX_ENTRIES -> MAX_ENTRIES;
            case MAP_FLAGS -> MAP_FLAGS;
            default -> null;
        };
        return same == null ? 0 : same.bit();
    }
}
