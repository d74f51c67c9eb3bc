package org.ebpfj.object.dwarf;

import org.ebpfj.object.ObjectFormatException;

/**
 * Attribute forms (DWARF 2..5 plus the GNU extensions clang and gcc emit) and how to read each. A form this
 * class does not know cannot be skipped, so it makes the rest of the unit unreadable: that is a format error.
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

    private DwarfForm() {
    }

    /**
     * Reads one value.
     *
     * @param unit           the unit's encoding: offset size, address size, version
     * @param implicitConst  the abbreviation's constant, for DW_FORM_implicit_const
     */
    static FormValue read(DwarfCursor c, int form, UnitEncoding unit, long implicitConst)
            throws ObjectFormatException {
        int f = form;
        for (int depth = 0; f == INDIRECT; depth++) {
            if (depth >= MAX_INDIRECTION) {
                throw c.fail("DW_FORM_indirect chain longer than " + MAX_INDIRECTION);
            }
            long next = c.uleb();
            f = next >= 0 && next <= 0xffff ? (int) next : -1;
        }
        switch (f) {
            case ADDR:
                c.skip(unit.addressSize());
                return FormValue.OTHER;
            case BLOCK1:
                c.skip(c.u8());
                return FormValue.OTHER;
            case BLOCK2:
                c.skip(c.u16());
                return FormValue.OTHER;
            case BLOCK4:
                c.skip(c.u32());
                return FormValue.OTHER;
            case BLOCK:
            case EXPRLOC:
                c.skip(c.uleb());
                return FormValue.OTHER;
            case DATA1:
            case FLAG:
                return FormValue.number(c.u8());
            case DATA2:
                return FormValue.number(c.u16());
            case DATA4:
                return FormValue.number(c.u32());
            case DATA8:
                return FormValue.number(c.u64());
            case DATA16:
                c.skip(16);
                return FormValue.OTHER;
            case SDATA:
                return FormValue.number(c.sleb());
            case UDATA:
                return FormValue.number(c.uleb());
            case FLAG_PRESENT:
                return FormValue.number(1);
            case IMPLICIT_CONST:
                return FormValue.number(implicitConst);
            case STRING:
                return FormValue.inline(c.cString());
            case STRP:
                return FormValue.of(FormValue.Kind.STR_OFFSET, c.offset(unit.offsetSize()));
            case LINE_STRP:
                return FormValue.of(FormValue.Kind.LINE_STR_OFFSET, c.offset(unit.offsetSize()));
            case STRX:
            case GNU_STR_INDEX:
                return FormValue.of(FormValue.Kind.STR_INDEX, c.uleb());
            case STRX1:
                return FormValue.of(FormValue.Kind.STR_INDEX, c.u8());
            case STRX2:
                return FormValue.of(FormValue.Kind.STR_INDEX, c.u16());
            case STRX3:
                return FormValue.of(FormValue.Kind.STR_INDEX, c.u24());
            case STRX4:
                return FormValue.of(FormValue.Kind.STR_INDEX, c.u32());
            case SEC_OFFSET:
                return FormValue.number(c.offset(unit.offsetSize()));
            case REF1:
                return FormValue.of(FormValue.Kind.UNIT_REF, c.u8());
            case REF2:
                return FormValue.of(FormValue.Kind.UNIT_REF, c.u16());
            case REF4:
                return FormValue.of(FormValue.Kind.UNIT_REF, c.u32());
            case REF8:
                return FormValue.of(FormValue.Kind.UNIT_REF, c.u64());
            case REF_UDATA:
                return FormValue.of(FormValue.Kind.UNIT_REF, c.uleb());
            case REF_ADDR:
                // DWARF 2 sized ref_addr like an address; later versions like an offset.
                return FormValue.of(FormValue.Kind.SECTION_REF,
                        unit.version() <= 2 ? readSized(c, unit.addressSize()) : c.offset(unit.offsetSize()));
            case STRP_SUP:
            case GNU_REF_ALT:
            case GNU_STRP_ALT:
                // These point into a supplementary file this reader does not have.
                c.offset(unit.offsetSize());
                return FormValue.OTHER;
            case REF_SUP4:
                c.skip(4);
                return FormValue.OTHER;
            case REF_SUP8:
            case REF_SIG8:
                c.skip(8);
                return FormValue.OTHER;
            case ADDRX:
            case GNU_ADDR_INDEX:
            case LOCLISTX:
            case RNGLISTX:
                c.uleb();
                return FormValue.OTHER;
            case ADDRX1:
                c.skip(1);
                return FormValue.OTHER;
            case ADDRX2:
                c.skip(2);
                return FormValue.OTHER;
            case ADDRX3:
                c.skip(3);
                return FormValue.OTHER;
            case ADDRX4:
                c.skip(4);
                return FormValue.OTHER;
            default:
                throw c.fail("unknown attribute form 0x" + Integer.toHexString(f));
        }
    }

    /**
     * The bytes a form takes in a unit of this encoding when that does not depend on the value itself, else -1.
     * Most DIEs the location walk passes over (types, members, parameters) have only such forms, so their whole
     * attribute list can be skipped at once.
     */
    static int fixedSize(int form, UnitEncoding unit) {
        switch (form) {
            case FLAG_PRESENT:
            case IMPLICIT_CONST:
                return 0;
            case DATA1: case FLAG: case REF1: case STRX1: case ADDRX1:
                return 1;
            case DATA2: case REF2: case STRX2: case ADDRX2:
                return 2;
            case STRX3: case ADDRX3:
                return 3;
            case DATA4: case REF4: case STRX4: case ADDRX4: case REF_SUP4:
                return 4;
            case DATA8: case REF8: case REF_SIG8: case REF_SUP8:
                return 8;
            case DATA16:
                return 16;
            case ADDR:
                return unit.addressSize();
            case STRP: case LINE_STRP: case SEC_OFFSET: case STRP_SUP: case GNU_REF_ALT: case GNU_STRP_ALT:
                return unit.offsetSize();
            case REF_ADDR:
                return unit.version() <= 2 ? unit.addressSize() : unit.offsetSize();
            default:
                return -1;
        }
    }

    /** The bytes all of an abbreviation's attributes take, when every form has a fixed size; else -1. */
    static int fixedSize(Abbreviation a, UnitEncoding unit) {
        long total = 0;
        for (int form : a.forms()) {
            int size = fixedSize(form, unit);
            if (size < 0) {
                return -1;
            }
            total += size;
        }
        return total <= Integer.MAX_VALUE ? (int) total : -1;
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
