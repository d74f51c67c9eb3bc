package org.ebpfj.object.dwarf;

import org.ebpfj.object.ObjectFormatException;

/**
 * Attribute forms (DWARF 2..5 plus the GNU extensions clang and gcc emit) and how to read each, as two tables: how
 * a form's bytes are laid out (so how to read past it) and what its value means. A form this class does not know
 * cannot be skipped, so it makes the rest of the unit unreadable: that is a format error.
 *
 * <p>Walks ask for the few attributes they need as numbers ({@link #number}) and read past the rest
 * ({@link #skip}), without a {@link FormValue} per attribute.
 */
final class DwarfForm {
    static final int ADDR = 0x01;
    static final int BLOCK2 = 0x03;
    static final int BLOCK4 = 0x04;
    static final int DATA2 = 0x05;
    static final int DATA4 = 0x06;
    static final int DATA8 = 0x07;
    static final int STRING = 0x08;
    static final int BLOCK = 0x09;
    static final int BLOCK1 = 0x0a;
    static final int DATA1 = 0x0b;
    static final int FLAG = 0x0c;
    static final int SDATA = 0x0d;
    static final int STRP = 0x0e;
    static final int UDATA = 0x0f;
    static final int REF_ADDR = 0x10;
    static final int REF1 = 0x11;
    static final int REF2 = 0x12;
    static final int REF4 = 0x13;
    static final int REF8 = 0x14;
    static final int REF_UDATA = 0x15;
    static final int INDIRECT = 0x16;
    static final int SEC_OFFSET = 0x17;
    static final int EXPRLOC = 0x18;
    static final int FLAG_PRESENT = 0x19;
    static final int STRX = 0x1a;
    static final int ADDRX = 0x1b;
    static final int REF_SUP4 = 0x1c;
    static final int STRP_SUP = 0x1d;
    static final int DATA16 = 0x1e;
    static final int LINE_STRP = 0x1f;
    static final int REF_SIG8 = 0x20;
    static final int IMPLICIT_CONST = 0x21;
    static final int LOCLISTX = 0x22;
    static final int RNGLISTX = 0x23;
    static final int REF_SUP8 = 0x24;
    static final int STRX1 = 0x25;
    static final int STRX2 = 0x26;
    static final int STRX3 = 0x27;
    static final int STRX4 = 0x28;
    static final int ADDRX1 = 0x29;
    static final int ADDRX2 = 0x2a;
    static final int ADDRX3 = 0x2b;
    static final int ADDRX4 = 0x2c;
    static final int GNU_ADDR_INDEX = 0x1f01;
    static final int GNU_STR_INDEX = 0x1f02;
    static final int GNU_REF_ALT = 0x1f20;
    static final int GNU_STRP_ALT = 0x1f21;

    /** DW_FORM_indirect names the real form in the data; a chain longer than this is malformed. */
    private static final int MAX_INDIRECTION = 4;

    /** How a form's bytes are laid out: what reading past it takes. Reads stay reads and skips stay skips. */
    private enum Layout {
        /** No bytes; the value is 1 (flag_present). */
        PRESENT,
        /** No bytes; the value is the abbreviation's constant. */
        IMPLICIT,
        U8, U16, U24, U32, U64,
        SKIP1, SKIP2, SKIP3, SKIP4, SKIP8, SKIP16,
        ULEB, SLEB,
        /** A section offset: 4 bytes in 32-bit DWARF, 8 in 64-bit DWARF. */
        OFFSET,
        ADDRESS,
        /** DWARF 2 sized ref_addr like an address; later versions like an offset. */
        REF_ADDR,
        /** A length (1, 2, 4 bytes or ULEB128), then that many bytes. */
        BLOCK1, BLOCK2, BLOCK4, BLOCK_ULEB,
        CSTRING
    }

    /** Table slots: the standard forms by code, then the four GNU forms. */
    private static final int GNU_SLOTS = 0x2d;
    private static final Layout[] LAYOUT = new Layout[GNU_SLOTS + 4];
    private static final FormValue.Kind[] KIND = new FormValue.Kind[GNU_SLOTS + 4];

    static {
        layout(Layout.PRESENT, FLAG_PRESENT);
        layout(Layout.IMPLICIT, IMPLICIT_CONST);
        layout(Layout.U8, DATA1, FLAG, STRX1, REF1);
        layout(Layout.U16, DATA2, STRX2, REF2);
        layout(Layout.U24, STRX3);
        layout(Layout.U32, DATA4, STRX4, REF4);
        layout(Layout.U64, DATA8, REF8);
        layout(Layout.SKIP1, ADDRX1);
        layout(Layout.SKIP2, ADDRX2);
        layout(Layout.SKIP3, ADDRX3);
        layout(Layout.SKIP4, ADDRX4, REF_SUP4);
        layout(Layout.SKIP8, REF_SUP8, REF_SIG8);
        layout(Layout.SKIP16, DATA16);
        layout(Layout.ULEB, UDATA, STRX, GNU_STR_INDEX, REF_UDATA, ADDRX, GNU_ADDR_INDEX, LOCLISTX, RNGLISTX);
        layout(Layout.SLEB, SDATA);
        // The supplementary-file forms point into a file this reader does not have: read past, not kept.
        layout(Layout.OFFSET, STRP, LINE_STRP, SEC_OFFSET, STRP_SUP, GNU_REF_ALT, GNU_STRP_ALT);
        layout(Layout.ADDRESS, ADDR);
        layout(Layout.REF_ADDR, REF_ADDR);
        layout(Layout.BLOCK1, BLOCK1);
        layout(Layout.BLOCK2, BLOCK2);
        layout(Layout.BLOCK4, BLOCK4);
        layout(Layout.BLOCK_ULEB, BLOCK, EXPRLOC);
        layout(Layout.CSTRING, STRING);

        meaning(FormValue.Kind.NUMBER, DATA1, FLAG, DATA2, DATA4, DATA8, SDATA, UDATA, FLAG_PRESENT, IMPLICIT_CONST,
                SEC_OFFSET);
        meaning(FormValue.Kind.INLINE_STRING, STRING);
        meaning(FormValue.Kind.STR_OFFSET, STRP);
        meaning(FormValue.Kind.LINE_STR_OFFSET, LINE_STRP);
        meaning(FormValue.Kind.STR_INDEX, STRX, GNU_STR_INDEX, STRX1, STRX2, STRX3, STRX4);
        meaning(FormValue.Kind.UNIT_REF, REF1, REF2, REF4, REF8, REF_UDATA);
        meaning(FormValue.Kind.SECTION_REF, REF_ADDR);
    }

    private DwarfForm() {
    }

    private static void layout(Layout layout, int... forms) {
        for (int f : forms) {
            LAYOUT[slot(f)] = layout;
            KIND[slot(f)] = FormValue.Kind.OTHER;
        }
    }

    private static void meaning(FormValue.Kind kind, int... forms) {
        for (int f : forms) {
            KIND[slot(f)] = kind;
        }
    }

    /** The form's place in the tables, or -1 for a code no DWARF version defines. */
    private static int slot(int form) {
        if (form >= 0 && form < GNU_SLOTS) {
            return form;
        }
        if (form == GNU_ADDR_INDEX || form == GNU_STR_INDEX) {
            return GNU_SLOTS + form - GNU_ADDR_INDEX;
        }
        return form == GNU_REF_ALT || form == GNU_STRP_ALT ? GNU_SLOTS + 2 + form - GNU_REF_ALT : -1;
    }

    /**
     * Reads one value.
     *
     * @param unit           the unit's encoding: offset size, address size, version
     * @param implicitConst  the abbreviation's constant, for DW_FORM_implicit_const
     */
    static FormValue read(DwarfCursor c, int form, UnitEncoding unit, long implicitConst)
            throws ObjectFormatException {
        int f = direct(c, form);
        Layout layout = layoutOf(c, f);
        if (layout == Layout.CSTRING) {
            return FormValue.inline(c.cString());
        }
        long value = value(c, layout, unit, implicitConst);
        FormValue.Kind kind = KIND[slot(f)];
        return kind == FormValue.Kind.OTHER ? FormValue.OTHER : FormValue.of(kind, value);
    }

    /** Reads past one value, as {@link #read} would, keeping nothing. */
    static void skip(DwarfCursor c, int form, UnitEncoding unit) throws ObjectFormatException {
        int f = direct(c, form);
        Layout layout = layoutOf(c, f);
        if (layout == Layout.CSTRING) {
            c.cString();
        } else {
            value(c, layout, unit, 0);
        }
    }

    /**
     * Reads one value that is wanted as a number: {@link #read}'s number when the form is a constant (data, udata,
     * sdata, flag, implicit_const, sec_offset), else {@code otherwise} (the value read past).
     */
    static long number(DwarfCursor c, int form, UnitEncoding unit, long implicitConst, long otherwise)
            throws ObjectFormatException {
        int f = direct(c, form);
        Layout layout = layoutOf(c, f);
        if (layout == Layout.CSTRING) {
            c.cString();
            return otherwise;
        }
        long value = value(c, layout, unit, implicitConst);
        return KIND[slot(f)] == FormValue.Kind.NUMBER ? value : otherwise;
    }

    /** The form a DW_FORM_indirect chain ends at (the form itself when it is not indirect). */
    private static int direct(DwarfCursor c, int form) throws ObjectFormatException {
        int f = form;
        for (int depth = 0; f == INDIRECT; depth++) {
            if (depth >= MAX_INDIRECTION) {
                throw c.fail("DW_FORM_indirect chain longer than " + MAX_INDIRECTION);
            }
            long next = c.uleb();
            f = next >= 0 && next <= 0xffff ? (int) next : -1;
        }
        return f;
    }

    private static Layout layoutOf(DwarfCursor c, int form) throws DwarfFormatException {
        int slot = slot(form);
        Layout layout = slot < 0 ? null : LAYOUT[slot];
        if (layout == null) {
            throw c.fail("unknown attribute form 0x" + Integer.toHexString(form));
        }
        return layout;
    }

    /** Reads past a value of this layout; its number, or 0 for what is only skipped. */
    private static long value(DwarfCursor c, Layout layout, UnitEncoding unit, long implicitConst)
            throws ObjectFormatException {
        switch (layout) {
            case PRESENT:
                return 1;
            case IMPLICIT:
                return implicitConst;
            case U8:
                return c.u8();
            case U16:
                return c.u16();
            case U24:
                return c.u24();
            case U32:
                return c.u32();
            case U64:
                return c.u64();
            case ULEB:
                return c.uleb();
            case SLEB:
                return c.sleb();
            case OFFSET:
                return c.offset(unit.offsetSize());
            case REF_ADDR:
                return unit.version() <= 2 ? readSized(c, unit.addressSize()) : c.offset(unit.offsetSize());
            case BLOCK1:
                c.skip(c.u8());
                return 0;
            case BLOCK2:
                c.skip(c.u16());
                return 0;
            case BLOCK4:
                c.skip(c.u32());
                return 0;
            case BLOCK_ULEB:
                c.skip(c.uleb());
                return 0;
            default:
                c.skip(fixedSize(layout, unit));
                return 0;
        }
    }

    /**
     * The bytes a form takes in a unit of this encoding when that does not depend on the value itself, else -1.
     * Most DIEs the location walk passes over (types, members, parameters) have only such forms, so their whole
     * attribute list can be skipped at once.
     */
    static int fixedSize(int form, UnitEncoding unit) {
        int slot = slot(form);
        return slot < 0 || LAYOUT[slot] == null ? -1 : fixedSize(LAYOUT[slot], unit);
    }

    private static int fixedSize(Layout layout, UnitEncoding unit) {
        switch (layout) {
            case PRESENT:
            case IMPLICIT:
                return 0;
            case U8:
            case SKIP1:
                return 1;
            case U16:
            case SKIP2:
                return 2;
            case U24:
            case SKIP3:
                return 3;
            case U32:
            case SKIP4:
                return 4;
            case U64:
            case SKIP8:
                return 8;
            case SKIP16:
                return 16;
            case ADDRESS:
                return unit.addressSize();
            case OFFSET:
                return unit.offsetSize();
            case REF_ADDR:
                return unit.version() <= 2 ? unit.addressSize() : unit.offsetSize();
            default:
                return -1;
        }
    }

    private static long readSized(DwarfCursor c, int size) throws ObjectFormatException {
        switch (size) {
            case 1: return c.u8();
            case 2: return c.u16();
            case 4: return c.u32();
            case 8: return c.u64();
            default: throw c.fail("address size " + size);
        }
    }
}
