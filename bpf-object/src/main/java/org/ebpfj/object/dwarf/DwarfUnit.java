package org.ebpfj.object.dwarf;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.StringTable;

/**
 * One unit of {@code .debug_info}: its header (where it ends, how its values are encoded, its abbreviation table)
 * and what its unit DIE says about strings and files. The readers of declarations and of types share it.
 */
class DwarfUnit implements StringResolver {
    static final int AT_NAME = 0x03;
    static final int AT_STMT_LIST = 0x10;
    static final int AT_COMP_DIR = 0x1b;
    static final int AT_STR_OFFSETS_BASE = 0x72;
    private static final byte[] NO_BYTES = {};

    final DebugSections s;
    final UnitEncoding enc;
    /** Offset of the unit header in .debug_info (unit-relative references count from here). */
    final long start;
    /** Offset just past the unit. */
    final long end;
    final AbbreviationTable table;
    FormValue name;
    FormValue compDir;
    long stmtList = -1;
    long strOffsetsBase = -1;

    DwarfUnit(DebugSections s, UnitEncoding enc, long start, long end, AbbreviationTable table) {
        this.s = s;
        this.enc = enc;
        this.start = start;
        this.end = end;
        this.table = table;
    }

    /** A copy of a header just read, for readers that keep more per unit. */
    DwarfUnit(DwarfUnit header) {
        this(header.s, header.enc, header.start, header.end, header.table);
    }

    /** Reads a unit header at the cursor; the cursor is left on the unit's first DIE. */
    static DwarfUnit readHeader(DwarfCursor c, DebugSections s, AbbreviationTables abbrevs)
            throws ObjectFormatException {
        long unitStart = c.position();
        int[] size = new int[1];
        long length = c.initialLength(size);
        int offsetSize = size[0];
        long bodyStart = c.position();
        if (length < 0 || !s.info.contains(bodyStart, length)) {
            throw c.fail("unit of " + length + " bytes runs past the end of .debug_info");
        }
        long unitEnd = bodyStart + length;
        int version = c.u16();
        if (version < 2 || version > 5) {
            throw c.fail("unsupported DWARF version " + version);
        }
        long abbrevOffset;
        int addressSize;
        if (version >= 5) {
            int unitType = c.u8();
            addressSize = c.u8();
            abbrevOffset = c.offset(offsetSize);
            switch (unitType) {
                case 0x01: // DW_UT_compile
                case 0x03: // DW_UT_partial
                    break;
                case 0x02: // DW_UT_type
                case 0x06: // DW_UT_split_type
                    c.skip(8L + offsetSize);
                    break;
                case 0x04: // DW_UT_skeleton
                case 0x05: // DW_UT_split_compile
                    c.skip(8);
                    break;
                default:
                    throw c.fail("unknown unit type " + unitType);
            }
        } else {
            abbrevOffset = c.offset(offsetSize);
            addressSize = c.u8();
        }
        if (addressSize != 1 && addressSize != 2 && addressSize != 4 && addressSize != 8) {
            throw c.fail("address size " + addressSize);
        }
        return new DwarfUnit(s, new UnitEncoding(version, offsetSize, addressSize), unitStart, unitEnd,
                abbrevs.at(abbrevOffset));
    }

    /** What a walk of a unit's DIEs does with each one below the unit DIE. */
    @FunctionalInterface
    interface DieVisitor {
        /**
         * Reads (or skips) the attributes of the DIE at {@code offset}, which has abbreviation {@code a}; the
         * cursor is at its first attribute. {@code depth} is 1 for the unit DIE's children.
         */
        void die(DwarfCursor c, long offset, Abbreviation a, int depth) throws ObjectFormatException;
    }

    /**
     * Walks the unit's DIEs from the cursor (at the unit DIE): reads the unit DIE's attributes, then hands every DIE
     * below it to {@code visitor}, in order. Stops at the null entry closing the unit DIE's children (what follows
     * is padding) or at the unit's end.
     */
    void walkDies(DwarfCursor c, DieVisitor visitor) throws ObjectFormatException {
        if (c.position() >= end) {
            return;
        }
        long unitDie = c.position();
        Abbreviation first = nextDie(c);
        if (first == null) {
            return;
        }
        readUnitDie(c, first);
        if (!first.hasChildren()) {
            return;
        }
        pastEnd(c, unitDie);
        int depth = 1;
        while (c.position() < end) {
            long offset = c.position();
            Abbreviation a = nextDie(c);
            if (a == null) {
                if (--depth <= 0) {
                    return;
                }
                continue;
            }
            visitor.die(c, offset, a, depth);
            if (a.hasChildren()) {
                depth++;
            }
            pastEnd(c, offset);
        }
    }

    private void pastEnd(DwarfCursor c, long dieOffset) throws DwarfFormatException {
        if (c.position() > end) {
            throw c.fail("DIE at " + dieOffset + " runs past the end of its unit");
        }
    }

    /** The abbreviation of the DIE at the cursor, its code read; null for a null entry (the end of a sibling list). */
    private Abbreviation nextDie(DwarfCursor c) throws ObjectFormatException {
        long code = c.uleb();
        if (code == 0) {
            return null;
        }
        Abbreviation a = table.get(code);
        if (a == null) {
            throw c.fail("DIE uses abbreviation code " + code + ", which its table does not define");
        }
        return a;
    }

    /** Reads the unit DIE's attributes: its name, directory, line table and string offsets base. */
    void readUnitDie(DwarfCursor c, Abbreviation a) throws ObjectFormatException {
        for (int i = 0; i < a.count(); i++) {
            int form = a.form(i);
            switch (a.attribute(i)) {
                case AT_NAME:
                    name = string(DwarfForm.read(c, form, enc, a.implicitConst(i)));
                    break;
                case AT_COMP_DIR:
                    compDir = string(DwarfForm.read(c, form, enc, a.implicitConst(i)));
                    break;
                case AT_STMT_LIST:
                    stmtList = DwarfForm.number(c, form, enc, a.implicitConst(i), -1);
                    break;
                case AT_STR_OFFSETS_BASE:
                    strOffsetsBase = DwarfForm.number(c, form, enc, a.implicitConst(i), -1);
                    break;
                default:
                    DwarfForm.skip(c, form, enc);
                    break;
            }
        }
    }

    private static FormValue string(FormValue v) {
        return v.isString() ? v : null;
    }

    /** The .debug_info offset a reference names, or -1 when the value is not a reference. */
    long reference(FormValue v) {
        if (v.kind() == FormValue.Kind.UNIT_REF) {
            return start + v.number();
        }
        return v.kind() == FormValue.Kind.SECTION_REF ? v.number() : -1;
    }

    @Override
    public String resolve(FormValue v) throws ObjectFormatException {
        return v.kind() == FormValue.Kind.INLINE_STRING ? v.text() : tableOf(v).get(offsetOf(v));
    }

    /**
     * Whether the string a name attribute gives is {@code name}, whose UTF-8 bytes are {@code utf8}: compared as
     * bytes where that is exact, so no String is decoded for the names that differ. {@link #checkString} must have
     * accepted {@code v}.
     */
    boolean stringEquals(FormValue v, String name, byte[] utf8) throws ObjectFormatException {
        if (v.kind() == FormValue.Kind.INLINE_STRING) {
            return v.text().equals(name);
        }
        if (utf8 == null) {
            return resolve(v).equals(name);
        }
        return tableOf(v).equalsAt(offsetOf(v), utf8);
    }

    /**
     * Fails as {@link #resolve} would on a string it cannot resolve, without decoding it; true when the string is
     * empty.
     */
    boolean checkString(FormValue v) throws ObjectFormatException {
        if (v.kind() == FormValue.Kind.INLINE_STRING) {
            return v.text().isEmpty();
        }
        StringTable table = tableOf(v);
        long offset = offsetOf(v);
        if (!table.fits(offset)) {
            table.get(offset); // throws what resolving it throws
        }
        return table.equalsAt(offset, NO_BYTES);
    }

    /** The string table an offset or index form points into. */
    private StringTable tableOf(FormValue v) throws DwarfFormatException {
        switch (v.kind()) {
            case STR_OFFSET:
            case STR_INDEX:
                return s.strTable;
            case LINE_STR_OFFSET:
                return s.lineStrTable;
            default:
                throw new DwarfFormatException(".debug_info", -1, "a string attribute has form kind "
                        + v.kind());
        }
    }

    /** The offset in {@link #tableOf}'s table: an index is looked up in the unit's .debug_str_offsets part. */
    private long offsetOf(FormValue v) throws ObjectFormatException {
        if (v.kind() != FormValue.Kind.STR_INDEX) {
            return v.number();
        }
        long base = strOffsetsBase >= 0 ? strOffsetsBase : 2L * enc.offsetSize();
        long index = v.number();
        if (index < 0 || index > s.strOffsets.length() / enc.offsetSize()) {
            throw new DwarfFormatException(".debug_str_offsets", -1, "string index " + index
                    + " is past the " + s.strOffsets.length() + "-byte section");
        }
        long at = base + index * enc.offsetSize();
        return enc.offsetSize() == 8 ? s.strOffsets.u64(at) : s.strOffsets.u32(at);
    }
}
