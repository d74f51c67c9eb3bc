package org.ebpfj.object.btf;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.btf.BtfType.Composite;
import org.ebpfj.object.btf.BtfType.Linkage;
import org.ebpfj.object.btf.BtfType.Member;
import org.ebpfj.object.btf.BtfType.Modifier;
import org.ebpfj.object.bytes.ByteView;
import org.ebpfj.object.bytes.StringTable;

/**
 * Reads a BTF blob (an object's {@code .BTF} section, or {@code /sys/kernel/btf/vmlinux}) into {@link Btf}.
 * Validates what later code relies on, in the spirit of the kernel's own BTF checks: every offset inside the
 * blob, every string terminated, every referenced id present, no modifier or array cycles, sizes that fit in
 * 32 bits, members inside their struct.
 */
public final class BtfReader {
    static final int MAGIC = 0xeb9f;
    private static final int HEADER_SIZE = 24;
    private static final int TYPE_HEADER_SIZE = 12;
    /** The kernel gives up resolving modifier chains deeper than this (MAX_RESOLVE_DEPTH). */
    private static final int MAX_RESOLVE_DEPTH = 32;
    /**
     * Deepest nesting of structs, arrays and modifiers inside one another that we accept. The kernel's resolver
     * stops at 32 pending types; real BTF nests a few dozen levels at most, and queries such as
     * {@link Btf#alignOf} recurse once per level (so the bound keeps them off the end of the stack).
     */
    static final int MAX_NESTING = 128;
    private static final long U32_MAX = 0xffffffffL;
    /** Far above any real name (the kernel's own limit is KSYM_NAME_LEN); bounds the work per name. */
    private static final int MAX_NAME = 4096;

    private BtfReader() {
    }

    public static Btf read(byte[] blob) throws BtfFormatException {
        return read(ByteView.of(blob, ByteOrder.LITTLE_ENDIAN, "BTF"));
    }

    /** Reads BTF from a window, e.g. the .BTF section of an ELF file. */
    public static Btf read(ByteView blob) throws BtfFormatException {
        try {
            return new Parse(orderOf(blob)).run();
        } catch (BtfFormatException e) {
            throw e;
        } catch (ObjectFormatException e) {
            throw new BtfFormatException(e.part(), e.offset(), "truncated or inconsistent: " + e.getMessage());
        }
    }

    private static ByteView orderOf(ByteView blob) throws BtfFormatException {
        if (blob.length() < HEADER_SIZE) {
            throw new BtfFormatException(blob.part(), 0, "only " + blob.length() + " bytes, a BTF header has 24");
        }
        ByteView le = blob.withOrder(ByteOrder.LITTLE_ENDIAN);
        try {
            int magic = le.u16(0);
            if (magic == MAGIC) {
                return le;
            }
            if (magic == Integer.reverseBytes(MAGIC) >>> 16) {
                return blob.withOrder(ByteOrder.BIG_ENDIAN);
            }
            throw new BtfFormatException(blob.part(), 0,
                    String.format("bad magic 0x%04x (BTF starts with 0xeb9f)", magic));
        } catch (BtfFormatException e) {
            throw e;
        } catch (ObjectFormatException e) {
            throw new BtfFormatException(blob.part(), 0, e.getMessage());
        }
    }

    /** One parse: the state lives here so the reader itself stays stateless. */
    private static final class Parse {
        private final ByteView blob;
        private ByteView typeSection;
        private StringTable strings;
        private final List<BtfType> types = new ArrayList<>();

        Parse(ByteView blob) {
            this.blob = blob;
        }

        Btf run() throws ObjectFormatException {
            readHeader();
            readTypes();
            checkReferences();
            long[] sizes = computeSizes();
            checkMembers(sizes);
            checkContainment();
            checkPointerChains();
            return new Btf(types, sizes);
        }

        private void readHeader() throws ObjectFormatException {
            int version = blob.u8(2);
            if (version != 1) {
                throw fail("BTF header", 2, "unsupported BTF version " + version);
            }
            long hdrLen = blob.u32(4);
            if (hdrLen < HEADER_SIZE || hdrLen > blob.length()) {
                throw fail("BTF header", 4, "header length " + hdrLen + " is not within 24.." + blob.length());
            }
            long typeOff = blob.u32(8);
            long typeLen = blob.u32(12);
            long strOff = blob.u32(16);
            long strLen = blob.u32(20);
            if (typeOff % 4 != 0) {
                throw fail("BTF header", 8, "type section offset " + typeOff + " is not 4-byte aligned");
            }
            if (strLen == 0) {
                throw fail("BTF header", 20, "empty string section");
            }
            typeSection = blob.slice(hdrLen + typeOff, typeLen, "BTF type section");
            ByteView stringSection = blob.slice(hdrLen + strOff, strLen, "BTF string section");
            if (stringSection.u8(0) != 0 || stringSection.u8(strLen - 1) != 0) {
                throw fail("BTF string section", 0, "must start and end with a NUL byte");
            }
            strings = new StringTable(stringSection, MAX_NAME);
        }

        /**
         * The name at {@code offset} of type {@code id} (or of its {@code role} number {@code index}: "member",
         * "value", "parameter"); the error message is written only on failure, since every type has names.
         */
        private String str(long offset, int id, String role, int index) throws ObjectFormatException {
            if (offset >= strings.length()) {
                throw fail(typeName(id) + (role == null ? "" : " " + role + " " + index), -1, "name offset "
                        + offset + " is outside the " + strings.length() + "-byte string section");
            }
            return strings.get(offset);
        }

        private static String typeName(int id) {
            return "BTF type #" + id;
        }

        private void readTypes() throws ObjectFormatException {
            types.add(new BtfType.Void());
            long off = 0;
            while (off < typeSection.length()) {
                off = readType(off, types.size());
            }
        }

        private long readType(long off, int id) throws ObjectFormatException {
            long nameOff = typeSection.u32(off);
            long info = typeSection.u32(off + 4);
            long sizeOrType = typeSection.u32(off + 8);
            int vlen = (int) (info & 0xffff);
            int kindCode = (int) (info >>> 24 & 0x1f);
            boolean kindFlag = (info >>> 31) != 0;
            String name = str(nameOff, id, null, -1);
            BtfKind kind = BtfKind.byCode(kindCode).filter(k -> k != BtfKind.VOID)
                    .orElseThrow(() -> fail(typeName(id), off, "unknown kind " + kindCode));
            long data = off + TYPE_HEADER_SIZE;
            int ref = refId(sizeOrType);
            switch (kind) {
                case INT: {
                    noMembers(id, vlen);
                    long enc = typeSection.u32(data);
                    int bits = (int) (enc & 0xff);
                    int bitOffset = (int) (enc >>> 16 & 0xff);
                    int encoding = (int) (enc >>> 24 & 0xf);
                    if (sizeOrType == 0 || sizeOrType > 16 || bits > 128 || bitOffset + bits > sizeOrType * 8) {
                        throw fail(typeName(id), off, "int of " + sizeOrType + " bytes cannot hold " + bits
                                + " bits at bit " + bitOffset);
                    }
                    types.add(new BtfType.Int(id, name, sizeOrType, (encoding & 1) != 0, (encoding & 2) != 0,
                            (encoding & 4) != 0, bitOffset, bits));
                    return data + 4;
                }
                case PTR:
                    noMembers(id, vlen);
                    types.add(new BtfType.Ptr(id, name, ref));
                    return data;
                case ARRAY: {
                    noMembers(id, vlen);
                    int elem = refId(typeSection.u32(data));
                    int index = refId(typeSection.u32(data + 4));
                    long n = typeSection.u32(data + 8);
                    types.add(new BtfType.Array(id, name, elem, index, n));
                    return data + 12;
                }
                case STRUCT:
                case UNION: {
                    List<Member> members = new ArrayList<>(Math.min(vlen, remaining(data, 12)));
                    for (int i = 0; i < vlen; i++) {
                        long m = data + 12L * i;
                        String mname = str(typeSection.u32(m), id, "member", i);
                        int mtype = refId(typeSection.u32(m + 4));
                        long moff = typeSection.u32(m + 8);
                        long bitOffset = kindFlag ? moff & 0xffffff : moff;
                        int bitfield = kindFlag ? (int) (moff >>> 24) : 0;
                        members.add(new Member(mname, mtype, bitOffset, bitfield));
                    }
                    types.add(kind == BtfKind.STRUCT ? new BtfType.Struct(id, name, sizeOrType, members)
                            : new BtfType.Union(id, name, sizeOrType, members));
                    return data + 12L * vlen;
                }
                case ENUM: {
                    checkEnumSize(id, off, sizeOrType);
                    List<BtfType.EnumValue> values = new ArrayList<>(Math.min(vlen, remaining(data, 8)));
                    for (int i = 0; i < vlen; i++) {
                        long e = data + 8L * i;
                        String vname = str(typeSection.u32(e), id, "value", i);
                        int raw = typeSection.s32(e + 4);
                        values.add(new BtfType.EnumValue(vname, kindFlag ? raw : raw & U32_MAX));
                    }
                    types.add(new BtfType.Enum(id, name, sizeOrType, kindFlag, values));
                    return data + 8L * vlen;
                }
                case ENUM64: {
                    checkEnumSize(id, off, sizeOrType);
                    List<BtfType.EnumValue> values = new ArrayList<>(Math.min(vlen, remaining(data, 12)));
                    for (int i = 0; i < vlen; i++) {
                        long e = data + 12L * i;
                        String vname = str(typeSection.u32(e), id, "value", i);
                        long lo = typeSection.u32(e + 4);
                        long hi = typeSection.u32(e + 8);
                        values.add(new BtfType.EnumValue(vname, hi << 32 | lo));
                    }
                    types.add(new BtfType.Enum64(id, name, sizeOrType, kindFlag, values));
                    return data + 12L * vlen;
                }
                case FWD:
                    noMembers(id, vlen);
                    types.add(new BtfType.Fwd(id, name, kindFlag));
                    return data;
                case TYPEDEF:
                    noMembers(id, vlen);
                    types.add(new BtfType.Typedef(id, name, ref));
                    return data;
                case VOLATILE:
                    noMembers(id, vlen);
                    types.add(new BtfType.Volatile(id, name, ref));
                    return data;
                case CONST:
                    noMembers(id, vlen);
                    types.add(new BtfType.Const(id, name, ref));
                    return data;
                case RESTRICT:
                    noMembers(id, vlen);
                    types.add(new BtfType.Restrict(id, name, ref));
                    return data;
                case TYPE_TAG:
                    noMembers(id, vlen);
                    types.add(new BtfType.TypeTag(id, name, ref, kindFlag));
                    return data;
                case FUNC:
                    if (vlen > 2) {
                        throw fail(typeName(id), off, "unknown function linkage " + vlen);
                    }
                    types.add(new BtfType.Func(id, name, ref, Linkage.values()[vlen]));
                    return data;
                case FUNC_PROTO: {
                    List<BtfType.Param> params = new ArrayList<>(Math.min(vlen, remaining(data, 8)));
                    for (int i = 0; i < vlen; i++) {
                        long p = data + 8L * i;
                        String pname = str(typeSection.u32(p), id, "parameter", i);
                        params.add(new BtfType.Param(pname, refId(typeSection.u32(p + 4))));
                    }
                    types.add(new BtfType.FuncProto(id, name, ref, params));
                    return data + 8L * vlen;
                }
                case VAR: {
                    noMembers(id, vlen);
                    long linkage = typeSection.u32(data);
                    if (linkage > 2) {
                        throw fail(typeName(id), off, "unknown variable linkage " + linkage);
                    }
                    types.add(new BtfType.Var(id, name, ref, Linkage.values()[(int) linkage]));
                    return data + 4;
                }
                case DATASEC: {
                    List<BtfType.SecInfo> vars = new ArrayList<>(Math.min(vlen, remaining(data, 12)));
                    for (int i = 0; i < vlen; i++) {
                        long v = data + 12L * i;
                        vars.add(new BtfType.SecInfo(refId(typeSection.u32(v)), typeSection.u32(v + 4),
                                typeSection.u32(v + 8)));
                    }
                    types.add(new BtfType.Datasec(id, name, sizeOrType, vars));
                    return data + 12L * vlen;
                }
                case FLOAT:
                    noMembers(id, vlen);
                    if (sizeOrType != 2 && sizeOrType != 4 && sizeOrType != 8 && sizeOrType != 12
                            && sizeOrType != 16) {
                        throw fail(typeName(id), off, "float of " + sizeOrType + " bytes");
                    }
                    types.add(new BtfType.Float(id, name, sizeOrType));
                    return data;
                case DECL_TAG: {
                    noMembers(id, vlen);
                    int component = typeSection.s32(data);
                    if (component < -1) {
                        throw fail(typeName(id), off, "component index " + component);
                    }
                    types.add(new BtfType.DeclTag(id, name, ref, component, kindFlag));
                    return data + 4;
                }
                default:
                    throw fail(typeName(id), off, "unexpected kind " + kind);
            }
        }

        /** How many records of this size can still fit: bounds list capacities by the real input. */
        private int remaining(long data, int recordSize) {
            return (int) Math.max(0, (typeSection.length() - data) / recordSize);
        }

        private int refId(long raw) {
            // Ids beyond int range are caught as unknown ids by checkReferences.
            return raw > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) raw;
        }

        private void noMembers(int id, int vlen) throws BtfFormatException {
            if (vlen != 0) {
                throw fail(typeName(id), -1, "has vlen " + vlen + " but its kind has no members");
            }
        }

        private void checkEnumSize(int id, long off, long size) throws BtfFormatException {
            if (size != 1 && size != 2 && size != 4 && size != 8) {
                throw fail(typeName(id), off, "enum of " + size + " bytes");
            }
        }

        private void checkReferences() throws BtfFormatException {
            for (BtfType t : types) {
                for (int ref : references(t)) {
                    if (ref < 0 || ref >= types.size()) {
                        throw fail("BTF type #" + t.id() + " (" + t.kind() + " '" + t.name() + "')", -1,
                                "refers to type #" + Integer.toUnsignedString(ref) + ", but the last type is #"
                                        + (types.size() - 1));
                    }
                }
            }
        }

        private static int[] references(BtfType t) {
            if (t instanceof Modifier) {
                return new int[] {((Modifier) t).type()};
            }
            if (t instanceof BtfType.Ptr) {
                return new int[] {((BtfType.Ptr) t).type()};
            }
            if (t instanceof BtfType.Array) {
                BtfType.Array a = (BtfType.Array) t;
                return new int[] {a.elementType(), a.indexType()};
            }
            if (t instanceof Composite) {
                return ((Composite) t).members().stream().mapToInt(Member::type).toArray();
            }
            if (t instanceof BtfType.Func) {
                return new int[] {((BtfType.Func) t).proto()};
            }
            if (t instanceof BtfType.FuncProto) {
                BtfType.FuncProto p = (BtfType.FuncProto) t;
                int[] refs = new int[p.params().size() + 1];
                refs[0] = p.returnType();
                for (int i = 0; i < p.params().size(); i++) {
                    refs[i + 1] = p.params().get(i).type();
                }
                return refs;
            }
            if (t instanceof BtfType.Var) {
                return new int[] {((BtfType.Var) t).type()};
            }
            if (t instanceof BtfType.Datasec) {
                return ((BtfType.Datasec) t).variables().stream().mapToInt(BtfType.SecInfo::type).toArray();
            }
            if (t instanceof BtfType.DeclTag) {
                return new int[] {((BtfType.DeclTag) t).type()};
            }
            return new int[0];
        }

        /** Sizes for every id (-1: no size). Fails on modifier/array cycles and sizes above U32_MAX. */
        private long[] computeSizes() throws BtfFormatException {
            long[] sizes = new long[types.size()];
            Arrays.fill(sizes, Long.MIN_VALUE);
            for (int id = 0; id < types.size(); id++) {
                sizeOf(id, sizes, 0);
            }
            return sizes;
        }

        private long sizeOf(int id, long[] sizes, int depth) throws BtfFormatException {
            if (sizes[id] != Long.MIN_VALUE) {
                return sizes[id];
            }
            BtfType t = types.get(id);
            if (depth > MAX_RESOLVE_DEPTH) {
                throw fail("BTF type #" + id, -1, "type chain deeper than " + MAX_RESOLVE_DEPTH
                        + " (a reference loop?)");
            }
            long size;
            if (t instanceof BtfType.Int) {
                size = ((BtfType.Int) t).size();
            } else if (t instanceof BtfType.Ptr) {
                size = Btf.POINTER_SIZE;
            } else if (t instanceof BtfType.Array) {
                BtfType.Array a = (BtfType.Array) t;
                long elem = sizeOf(a.elementType(), sizes, depth + 1);
                if (elem < 0) {
                    throw fail("BTF type #" + id, -1, "array of an unsized type #" + a.elementType());
                }
                if (a.elements() != 0 && elem > U32_MAX / a.elements()) {
                    throw fail("BTF type #" + id, -1, "array size overflows 32 bits");
                }
                size = elem * a.elements();
            } else if (t instanceof Composite) {
                size = ((Composite) t).size();
            } else if (t instanceof BtfType.Enum) {
                size = ((BtfType.Enum) t).size();
            } else if (t instanceof BtfType.Enum64) {
                size = ((BtfType.Enum64) t).size();
            } else if (t instanceof BtfType.Float) {
                size = ((BtfType.Float) t).size();
            } else if (t instanceof BtfType.Datasec) {
                size = ((BtfType.Datasec) t).size();
            } else if (t instanceof Modifier) {
                size = sizeOf(((Modifier) t).type(), sizes, depth + 1);
            } else if (t instanceof BtfType.Var) {
                size = sizeOf(((BtfType.Var) t).type(), sizes, depth + 1);
            } else {
                size = -1;
            }
            sizes[id] = size;
            return size;
        }

        private void checkMembers(long[] sizes) throws BtfFormatException {
            for (BtfType t : types) {
                if (!(t instanceof Composite)) {
                    continue;
                }
                Composite c = (Composite) t;
                for (Member m : c.members()) {
                    long msize = sizes[m.type()];
                    if (msize < 0) {
                        // Flexible arrays have size 0 and pass; void, functions and forward declarations fail.
                        throw fail(memberName(t, m), -1, "has no size");
                    }
                    long endBits = m.isBitfield() ? m.bitOffset() + m.bitfieldSize()
                            : m.bitOffset() + 8 * Math.max(msize, 0);
                    if (endBits > 8 * c.size()) {
                        throw fail(memberName(t, m), -1, "ends at bit " + endBits + ", past the end of its "
                                + c.size() + "-byte " + t.kind().name().toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }

        private static String memberName(BtfType t, Member m) {
            return "BTF type #" + t.id() + " member '" + m.name() + "'";
        }

        /**
         * A struct that contains itself (directly, or through arrays, typedefs and other structs) has no layout;
         * the kernel reports such BTF as a loop. Also bounds the nesting depth. Iterative, so hostile input
         * cannot exhaust the stack here.
         */
        private void checkContainment() throws BtfFormatException {
            int n = types.size();
            byte[] state = new byte[n]; // 0 unvisited, 1 on the current path, 2 done
            int[] stack = new int[MAX_NESTING + 1];
            int[] next = new int[MAX_NESTING + 1]; // index of the next child to visit, per stack level
            int[] depth = new int[n]; // levels of types laid out inside one another, for finished types
            for (int root = 0; root < n; root++) {
                if (state[root] != 0) {
                    continue;
                }
                int top = 0;
                stack[0] = root;
                next[0] = 0;
                state[root] = 1;
                while (top >= 0) {
                    int id = stack[top];
                    int child = containedAt(types.get(id), next[top]++);
                    if (child < 0) {
                        depth[id] = 1 + deepestChild(types.get(id), depth);
                        if (depth[id] > MAX_NESTING) {
                            throw fail("BTF type #" + id, -1, "types nested deeper than " + MAX_NESTING);
                        }
                        state[id] = 2;
                        top--;
                    } else if (state[child] == 1) {
                        throw fail("BTF type #" + child, -1, types.get(child).kind() + " '"
                                + types.get(child).name() + "' contains itself by value");
                    } else if (state[child] == 0) {
                        if (top == MAX_NESTING) {
                            throw fail("BTF type #" + root, -1, "types nested deeper than " + MAX_NESTING);
                        }
                        state[child] = 1;
                        stack[++top] = child;
                        next[top] = 0;
                    }
                }
            }
        }

        private static int deepestChild(BtfType t, int[] depth) {
            int deepest = 0;
            for (int i = 0, child; (child = containedAt(t, i)) >= 0; i++) {
                deepest = Math.max(deepest, depth[child]);
            }
            return deepest;
        }

        /** The i-th type laid out inside {@code t} (members, array element, qualified type), or -1. */
        private static int containedAt(BtfType t, int i) {
            if (t instanceof Composite) {
                List<Member> members = ((Composite) t).members();
                return i < members.size() ? members.get(i).type() : -1;
            }
            if (i > 0) {
                return -1;
            }
            if (t instanceof BtfType.Array) {
                return ((BtfType.Array) t).elementType();
            }
            if (t instanceof Modifier) {
                return ((Modifier) t).type();
            }
            return -1;
        }

        /**
         * Pointers and modifiers that lead back to themselves ({@code ptr -> const -> ptr -> ...}) describe no C
         * type; the kernel rejects them as a loop. Each such type has one successor, so colouring finds cycles in
         * linear time.
         */
        private void checkPointerChains() throws BtfFormatException {
            int n = types.size();
            byte[] state = new byte[n]; // 0 unvisited, 1 on the current walk, 2 known to end
            for (int start = 0; start < n; start++) {
                int id = start;
                while (state[id] == 0 && isChainLink(types.get(id))) {
                    state[id] = 1;
                    id = chainNext(types.get(id));
                }
                if (state[id] == 1) {
                    throw fail("BTF type #" + id, -1, "pointer or modifier chain loops back to itself");
                }
                for (int walk = start; state[walk] == 1; walk = chainNext(types.get(walk))) {
                    state[walk] = 2;
                }
                state[id] = 2;
            }
        }

        private static boolean isChainLink(BtfType t) {
            return t instanceof BtfType.Ptr || t instanceof Modifier;
        }

        private static int chainNext(BtfType t) {
            return t instanceof BtfType.Ptr ? ((BtfType.Ptr) t).type() : ((Modifier) t).type();
        }

        private BtfFormatException fail(String what, long offset, String message) {
            return new BtfFormatException(what, offset, message);
        }
    }
}
