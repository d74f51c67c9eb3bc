package org.ebpfj.object.dwarf;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.dwarf.DwarfTypes.Enumerator;
import org.ebpfj.object.dwarf.DwarfTypes.Kind;
import org.ebpfj.object.dwarf.DwarfTypes.Member;
import org.ebpfj.object.dwarf.DwarfTypes.Type;

/** One pass over {@code .debug_info} collecting {@link DwarfTypes}: type DIEs, and the locals of each function. */
final class DwarfTypeWalk {
    private static final int TAG_ARRAY = 0x01;
    private static final int TAG_ENUMERATION = 0x04;
    private static final int TAG_FORMAL_PARAMETER = 0x05;
    private static final int TAG_MEMBER = 0x0d;
    private static final int TAG_POINTER = 0x0f;
    private static final int TAG_STRUCTURE = 0x13;
    private static final int TAG_SUBROUTINE_TYPE = 0x15;
    private static final int TAG_TYPEDEF = 0x16;
    private static final int TAG_UNION = 0x17;
    private static final int TAG_INLINED_SUBROUTINE = 0x1d;
    private static final int TAG_SUBRANGE = 0x21;
    private static final int TAG_BASE = 0x24;
    private static final int TAG_CONST = 0x26;
    private static final int TAG_ENUMERATOR = 0x28;
    private static final int TAG_SUBPROGRAM = 0x2e;
    private static final int TAG_VARIABLE = 0x34;
    private static final int TAG_VOLATILE = 0x35;
    private static final int TAG_RESTRICT = 0x37;
    private static final int TAG_ATOMIC = 0x47;

    private static final int AT_NAME = 0x03;
    private static final int AT_BYTE_SIZE = 0x0b;
    private static final int AT_BIT_OFFSET = 0x0c;
    private static final int AT_BIT_SIZE = 0x0d;
    private static final int AT_CONST_VALUE = 0x1c;
    private static final int AT_UPPER_BOUND = 0x2f;
    private static final int AT_ABSTRACT_ORIGIN = 0x31;
    private static final int AT_COUNT = 0x37;
    private static final int AT_DATA_MEMBER_LOCATION = 0x38;
    private static final int AT_DECLARATION = 0x3c;
    private static final int AT_ENCODING = 0x3e;
    private static final int AT_SPECIFICATION = 0x47;
    private static final int AT_TYPE = 0x49;
    private static final int AT_DATA_BIT_OFFSET = 0x6b;

    /** Deeper DIE nesting than any compiler writes for C. */
    private static final int MAX_DEPTH = 256;

    private final DebugSections s;
    private final boolean bigEndian;
    private final AbbreviationTables abbrevs;
    private final Map<Long, Die> types = new LinkedHashMap<>();
    /** Subprograms (out of line or abstract), by offset. */
    private final Map<Long, Sub> subs = new LinkedHashMap<>();
    /** Every local's own type (or, for a concrete inlined copy, its abstract origin), by the local's offset. */
    private final Map<Long, long[]> localRefs = new HashMap<>();

    DwarfTypeWalk(DebugSections s, ByteOrder order) {
        this.s = s;
        this.bigEndian = order == ByteOrder.BIG_ENDIAN;
        this.abbrevs = new AbbreviationTables(s.abbrev, new WorkBudget(4L * s.abbrev.length() + 65536));
    }

    /** Attributes of one DIE this reader keeps. */
    private static final class Die {
        long offset;
        long tag;
        String name = "";
        long byteSize = -1;
        long type = -1;
        long origin = -1;
        int encoding;
        long memberLocation = -1;
        long dataBitOffset = -1;
        long bitOffset = -1;
        long bitSize;
        long count = -1;
        long upperBound = -1;
        long constValue;
        boolean declaration;
        final List<Die> children = new ArrayList<>();
    }

    /** A subprogram: its name (or where to find it) and its locals' offsets, inlined callees' origins included. */
    private static final class Sub {
        String name = "";
        long origin = -1;
        final List<Long> locals = new ArrayList<>();
        final List<Long> parameters = new ArrayList<>();
        final List<Long> inlined = new ArrayList<>();
    }

    DwarfTypes run() throws ObjectFormatException {
        DwarfCursor c = new DwarfCursor(s.info, 0);
        while (c.hasMore(s.info.length())) {
            DwarfUnit unit = DwarfUnit.readHeader(c, s, abbrevs);
            readDies(c, unit);
            c.seek(unit.end);
        }
        return new DwarfTypes(Collections.unmodifiableMap(freeze()), Collections.unmodifiableMap(locals(false)),
                Collections.unmodifiableMap(locals(true)));
    }

    private void readDies(DwarfCursor c, DwarfUnit unit) throws ObjectFormatException {
        Die[] stack = new Die[MAX_DEPTH];
        Sub[] owners = new Sub[MAX_DEPTH];
        unit.walkDies(c, (cursor, offset, a, depth) -> {
            Die d = readDie(cursor, unit, a, offset);
            Die parent = stack[depth - 1];
            Sub owner = depth > 1 ? owners[depth - 1] : null;
            Sub sub = owner;
            switch ((int) Math.min(d.tag, Integer.MAX_VALUE)) {
                case TAG_SUBPROGRAM: {
                    sub = new Sub();
                    sub.name = d.name;
                    sub.origin = d.origin;
                    subs.put(offset, sub);
                    break;
                }
                case TAG_INLINED_SUBROUTINE:
                    if (owner != null && d.origin >= 0) {
                        owner.inlined.add(d.origin);
                    }
                    break;
                case TAG_VARIABLE:
                case TAG_FORMAL_PARAMETER:
                    if (owner != null) {
                        (d.tag == TAG_VARIABLE ? owner.locals : owner.parameters).add(offset);
                    }
                    localRefs.put(offset, new long[] {d.type, d.origin});
                    break;
                case TAG_MEMBER:
                case TAG_ENUMERATOR:
                case TAG_SUBRANGE:
                    if (parent != null) {
                        parent.children.add(d);
                    }
                    break;
                default:
                    if (kind(d.tag) != null) {
                        types.put(offset, d);
                    }
                    break;
            }
            if (a.hasChildren()) {
                if (depth >= MAX_DEPTH) {
                    throw cursor.fail("DIEs nested deeper than " + MAX_DEPTH);
                }
                stack[depth] = d;
                owners[depth] = sub;
            }
        });
    }

    private static Die readDie(DwarfCursor c, DwarfUnit unit, Abbreviation a, long offset)
            throws ObjectFormatException {
        Die d = new Die();
        d.offset = offset;
        d.tag = a.tag();
        for (int i = 0; i < a.count(); i++) {
            FormValue v = DwarfForm.read(c, a.form(i), unit.enc, a.implicitConst(i));
            boolean number = v.kind() == FormValue.Kind.NUMBER;
            long n = number ? v.number() : -1;
            switch (a.attribute(i)) {
                case AT_NAME -> d.name = v.isString() ? unit.resolve(v) : "";
                case AT_BYTE_SIZE -> d.byteSize = n;
                case AT_BIT_OFFSET -> d.bitOffset = n;
                case AT_BIT_SIZE -> d.bitSize = Math.max(0, n);
                case AT_CONST_VALUE -> d.constValue = number ? v.number() : 0;
                case AT_UPPER_BOUND -> d.upperBound = n;
                case AT_COUNT -> d.count = n;
                case AT_DATA_MEMBER_LOCATION -> d.memberLocation = n;
                case AT_DATA_BIT_OFFSET -> d.dataBitOffset = n;
                case AT_DECLARATION -> d.declaration = number && v.number() != 0;
                case AT_ENCODING -> d.encoding = (int) Math.max(0, Math.min(n, 255));
                case AT_TYPE -> d.type = unit.reference(v);
                case AT_ABSTRACT_ORIGIN, AT_SPECIFICATION -> d.origin = unit.reference(v);
                default -> {
                }
            }
        }
        return d;
    }

    private static Kind kind(long tag) {
        switch ((int) Math.min(tag, Integer.MAX_VALUE)) {
            case TAG_BASE:
                return Kind.BASE;
            case TAG_POINTER:
                return Kind.POINTER;
            case TAG_STRUCTURE:
                return Kind.STRUCT;
            case TAG_UNION:
                return Kind.UNION;
            case TAG_ENUMERATION:
                return Kind.ENUM;
            case TAG_ARRAY:
                return Kind.ARRAY;
            case TAG_TYPEDEF:
                return Kind.TYPEDEF;
            case TAG_CONST:
            case TAG_VOLATILE:
            case TAG_RESTRICT:
            case TAG_ATOMIC:
                return Kind.QUALIFIER;
            case TAG_SUBROUTINE_TYPE:
                return Kind.OTHER;
            default:
                return null;
        }
    }

    private Map<Long, Type> freeze() {
        Map<Long, Type> out = new LinkedHashMap<>();
        for (Die d : types.values()) {
            List<Member> members = new ArrayList<>();
            List<Long> dims = new ArrayList<>();
            List<Enumerator> values = new ArrayList<>();
            for (Die child : d.children) {
                if (child.tag == TAG_MEMBER) {
                    members.add(new Member(child.name, child.type, memberBitOffset(child), (int) child.bitSize));
                } else if (child.tag == TAG_SUBRANGE) {
                    dims.add(child.count >= 0 ? child.count : child.upperBound >= 0 ? child.upperBound + 1 : 0);
                } else if (child.tag == TAG_ENUMERATOR) {
                    values.add(new Enumerator(child.name, child.constValue));
                }
            }
            out.put(d.offset, new Type(d.offset, kind(d.tag), d.name, d.byteSize, d.type, d.encoding,
                    List.copyOf(members), List.copyOf(dims), List.copyOf(values), d.declaration));
        }
        return out;
    }

    /**
     * The member's bit offset as BTF counts it. DWARF 4+ gives bitfields a DW_AT_data_bit_offset, counted the same
     * way; DWARF 2/3 give the storage unit's byte and DW_AT_bit_offset from its most significant bit.
     */
    private long memberBitOffset(Die m) {
        if (m.dataBitOffset >= 0) {
            return m.dataBitOffset;
        }
        long base = m.memberLocation >= 0 ? m.memberLocation * 8 : m.bitOffset >= 0 ? 0 : -1;
        if (m.memberLocation < 0 && m.bitOffset < 0) {
            return 0; // a union member, or a member DWARF places at the start
        }
        if (m.bitOffset < 0 || m.bitSize == 0) {
            return base;
        }
        if (bigEndian) {
            return base + m.bitOffset;
        }
        long storageBits = (m.byteSize > 0 ? m.byteSize : 4) * 8;
        return base + storageBits - m.bitOffset - m.bitSize;
    }

    private Map<String, Set<Long>> locals(boolean parameters) {
        Map<String, Set<Long>> out = new LinkedHashMap<>();
        for (Sub sub : subs.values()) {
            String name = nameOf(sub);
            if (name.isEmpty()) {
                continue;
            }
            Set<Long> typesOfLocals = out.computeIfAbsent(name, k -> new LinkedHashSet<>());
            collect(sub, typesOfLocals, parameters, 0);
        }
        return out;
    }

    private String nameOf(Sub sub) {
        Sub cur = sub;
        for (int i = 0; cur != null && i < 8; i++) {
            if (!cur.name.isEmpty()) {
                return cur.name;
            }
            cur = subs.get(cur.origin);
        }
        return "";
    }

    /** The types of a subprogram's locals, and of the subprograms inlined into it (their abstract copies). */
    private void collect(Sub sub, Set<Long> out, boolean parameters, int depth) {
        if (depth > 8) {
            return;
        }
        for (long local : parameters ? sub.parameters : sub.locals) {
            long type = localType(local);
            if (type >= 0) {
                out.add(type);
            }
        }
        for (long origin : sub.inlined) {
            Sub callee = subs.get(origin);
            if (callee != null) {
                collect(callee, out, parameters, depth + 1);
            }
        }
        if (sub.origin >= 0 && subs.get(sub.origin) != null && sub.locals.isEmpty() && sub.parameters.isEmpty()) {
            collect(subs.get(sub.origin), out, parameters, depth + 1);
        }
    }

    private long localType(long local) {
        long cur = local;
        for (int i = 0; i < 8; i++) {
            long[] ref = localRefs.get(cur);
            if (ref == null) {
                return -1;
            }
            if (ref[0] >= 0) {
                return ref[0];
            }
            cur = ref[1];
        }
        return -1;
    }
}
