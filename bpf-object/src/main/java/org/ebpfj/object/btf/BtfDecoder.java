package org.ebpfj.object.btf;

import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.btf.BtfType.Linkage;
import org.ebpfj.object.btf.BtfType.Member;
import org.ebpfj.object.bytes.StringTable;

/** Turns one type's checked words into its {@link BtfType}, names and all. */
final class BtfDecoder {
    private static final long U32_MAX = 0xffffffffL;

    private final BtfWords t;
    private final StringTable strings;

    BtfDecoder(BtfWords t, StringTable strings) {
        this.t = t;
        this.strings = strings;
    }

    BtfType decode(int id) {
        if (id == 0) {
            return new BtfType.Void();
        }
        int[] w = t.words;
        int d = t.data(id);
        int vlen = t.vlen(id);
        boolean kindFlag = t.kindFlag(id);
        long sizeOrType = t.sizeOrType(id);
        int ref = BtfWords.ref(w[t.start[id] + 2]);
        String name = name(t.nameOffset(id));
        switch (t.kind(id)) {
            case INT: {
                int enc = w[d];
                int encoding = enc >>> 24 & 0xf;
                return new BtfType.Int(id, name, sizeOrType, (encoding & 1) != 0, (encoding & 2) != 0,
                        (encoding & 4) != 0, enc >>> 16 & 0xff, enc & 0xff);
            }
            case PTR:
                return new BtfType.Ptr(id, name, ref);
            case ARRAY:
                return new BtfType.Array(id, name, BtfWords.ref(w[d]), BtfWords.ref(w[d + 1]), w[d + 2] & U32_MAX);
            case STRUCT:
            case UNION: {
                List<Member> members = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++) {
                    int m = d + 3 * i;
                    long offset = w[m + 2] & U32_MAX;
                    members.add(new Member(name(w[m]), BtfWords.ref(w[m + 1]), kindFlag ? offset & 0xffffff : offset,
                            kindFlag ? (int) (offset >>> 24) : 0));
                }
                return t.kinds[id] == 4 ? new BtfType.Struct(id, name, sizeOrType, members)
                        : new BtfType.Union(id, name, sizeOrType, members);
            }
            case ENUM: {
                List<BtfType.EnumValue> values = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++) {
                    int raw = w[d + 2 * i + 1];
                    values.add(new BtfType.EnumValue(name(w[d + 2 * i]), kindFlag ? raw : raw & U32_MAX));
                }
                return new BtfType.Enum(id, name, sizeOrType, kindFlag, values);
            }
            case ENUM64: {
                List<BtfType.EnumValue> values = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++) {
                    int e = d + 3 * i;
                    values.add(new BtfType.EnumValue(name(w[e]), (w[e + 2] & U32_MAX) << 32 | w[e + 1] & U32_MAX));
                }
                return new BtfType.Enum64(id, name, sizeOrType, kindFlag, values);
            }
            case FWD:
                return new BtfType.Fwd(id, name, kindFlag);
            case TYPEDEF:
                return new BtfType.Typedef(id, name, ref);
            case VOLATILE:
                return new BtfType.Volatile(id, name, ref);
            case CONST:
                return new BtfType.Const(id, name, ref);
            case RESTRICT:
                return new BtfType.Restrict(id, name, ref);
            case TYPE_TAG:
                return new BtfType.TypeTag(id, name, ref, kindFlag);
            case FUNC:
                return new BtfType.Func(id, name, ref, Linkage.values()[vlen]);
            case FUNC_PROTO: {
                List<BtfType.Param> params = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++) {
                    params.add(new BtfType.Param(name(w[d + 2 * i]), BtfWords.ref(w[d + 2 * i + 1])));
                }
                return new BtfType.FuncProto(id, name, ref, params);
            }
            case VAR:
                return new BtfType.Var(id, name, ref, Linkage.values()[w[d]]);
            case DATASEC: {
                List<BtfType.SecInfo> vars = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++) {
                    int v = d + 3 * i;
                    vars.add(new BtfType.SecInfo(BtfWords.ref(w[v]), w[v + 1] & U32_MAX, w[v + 2] & U32_MAX));
                }
                return new BtfType.Datasec(id, name, sizeOrType, vars);
            }
            case FLOAT:
                return new BtfType.Float(id, name, sizeOrType);
            case DECL_TAG:
                return new BtfType.DeclTag(id, name, ref, w[d], kindFlag);
            default:
                throw new IllegalStateException("BTF type #" + id + " has kind " + t.kind(id));
        }
    }

    /** A name whose offset was checked when the words were indexed. */
    String name(int offset) {
        if (offset == 0) {
            return ""; // anonymous: the string section starts with a NUL (checked by BtfReader)
        }
        try {
            return strings.get(offset & U32_MAX);
        } catch (ObjectFormatException e) {
            throw new IllegalStateException("a checked BTF name failed to decode: " + e.getMessage(), e);
        }
    }
}
