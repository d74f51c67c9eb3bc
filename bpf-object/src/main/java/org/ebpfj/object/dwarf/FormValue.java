package org.ebpfj.object.dwarf;

/**
 * One attribute value, as far as this reader cares: a number, an inline string, or a reference whose meaning
 * needs more context (a string offset or index, a DIE reference).
 */
record FormValue(Kind kind, long number, String text) {

    enum Kind {
        /** A constant (data, udata, sdata, flag, implicit_const) or a section offset (sec_offset). */
        NUMBER,
        /** DW_FORM_string: the text is inline. */
        INLINE_STRING,
        /** DW_FORM_strp: an offset in .debug_str. */
        STR_OFFSET,
        /** DW_FORM_line_strp: an offset in .debug_line_str. */
        LINE_STR_OFFSET,
        /** DW_FORM_strx*: an index into this unit's .debug_str_offsets contribution. */
        STR_INDEX,
        /** DW_FORM_ref1/2/4/8/udata: an offset from the start of the unit. */
        UNIT_REF,
        /** DW_FORM_ref_addr: an offset in .debug_info. */
        SECTION_REF,
        /** Anything else (blocks, addresses, expressions): read past, not kept. */
        OTHER
    }

    static final FormValue OTHER = new FormValue(Kind.OTHER, 0, null);

    static FormValue of(Kind kind, long v) {
        return new FormValue(kind, v, null);
    }

    static FormValue inline(String s) {
        return new FormValue(Kind.INLINE_STRING, 0, s);
    }

    boolean isString() {
        return kind == Kind.INLINE_STRING || kind == Kind.STR_OFFSET || kind == Kind.LINE_STR_OFFSET
                || kind == Kind.STR_INDEX;
    }

    boolean isReference() {
        return kind == Kind.UNIT_REF || kind == Kind.SECTION_REF;
    }
}
