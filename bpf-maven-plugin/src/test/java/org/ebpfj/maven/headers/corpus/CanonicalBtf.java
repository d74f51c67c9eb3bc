package org.ebpfj.maven.headers.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;

/**
 * BTF as a sorted list of definitions that does not depend on type ids: two objects whose types, functions,
 * variables and data sections are the same give equal lists even when clang numbered the types in another order
 * (which follows the order declarations appear in, i.e. the headers' internals). A named struct, union, enum or
 * typedef is referred to by kind and name and defined once; anonymous types are written where they are used.
 */
public final class CanonicalBtf {

    private final Btf btf;

    private CanonicalBtf(Btf btf) {
        this.btf = btf;
    }

    /** One line per named type, function, variable, data section and declaration tag, sorted. */
    public static List<String> of(Btf btf) {
        CanonicalBtf c = new CanonicalBtf(btf);
        List<String> lines = new ArrayList<>();
        for (int id = 1; id < btf.typeCount(); id++) {
            String line = c.definition(btf.type(id));
            if (line != null) {
                lines.add(line);
            }
        }
        return lines.stream().sorted().collect(Collectors.toList());
    }

    /** The canonical form of one type as a reference, for comparing e.g. a map's key type. */
    public static String reference(Btf btf, int id) {
        return new CanonicalBtf(btf).ref(id, 0);
    }

    private String definition(BtfType t) {
        switch (t.kind()) {
            case STRUCT:
            case UNION:
            case ENUM:
            case ENUM64:
            case TYPEDEF:
                return t.name().isEmpty() ? null : ref(t.id(), 0) + " = " + body(t, 0);
            case INT:
            case FLOAT:
            case FWD:
                return body(t, 0);
            case FUNC: {
                BtfType.Func f = (BtfType.Func) t;
                return "func " + f.name() + " " + f.linkage() + " " + ref(f.proto(), 0);
            }
            case VAR: {
                BtfType.Var v = (BtfType.Var) t;
                return "var " + v.name() + " " + v.linkage() + " " + ref(v.type(), 0);
            }
            case DATASEC: {
                BtfType.Datasec d = (BtfType.Datasec) t;
                return "datasec " + d.name() + " " + d.size() + " " + d.variables().stream()
                        .map(v -> ref(v.type(), 0) + "@" + v.offset() + "+" + v.size())
                        .collect(Collectors.joining(", ", "[", "]"));
            }
            case DECL_TAG: {
                BtfType.DeclTag tag = (BtfType.DeclTag) t;
                return "decl_tag \"" + tag.name() + "\" on " + ref(tag.type(), 0) + " #" + tag.componentIndex()
                        + (tag.attribute() ? " attribute" : "");
            }
            default:
                return null;
        }
    }

    private String ref(int id, int depth) {
        if (depth > 64) {
            throw new IllegalStateException("BTF type #" + id + " nests deeper than 64 anonymous levels");
        }
        BtfType t = btf.type(id);
        switch (t.kind()) {
            case VOID:
                return "void";
            case STRUCT:
            case UNION:
            case ENUM:
            case ENUM64:
            case TYPEDEF:
                if (!t.name().isEmpty()) {
                    return t.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + t.name();
                }
                return body(t, depth + 1);
            case VAR:
            case FUNC:
                return t.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + t.name();
            default:
                return body(t, depth + 1);
        }
    }

    private String body(BtfType t, int depth) {
        switch (t.kind()) {
            case INT: {
                BtfType.Int i = (BtfType.Int) t;
                return "int " + i.name() + " " + i.size() + (i.signed() ? " signed" : "") + (i.isChar() ? " char" : "")
                        + (i.isBool() ? " bool" : "") + " bits " + i.bits() + "@" + i.bitOffset();
            }
            case FLOAT:
                return "float " + t.name() + " " + ((BtfType.Float) t).size();
            case FWD:
                return "fwd " + (((BtfType.Fwd) t).union() ? "union " : "struct ") + t.name();
            case PTR:
                return ref(((BtfType.Ptr) t).type(), depth) + " *";
            case ARRAY: {
                BtfType.Array a = (BtfType.Array) t;
                return ref(a.elementType(), depth) + "[" + a.elements() + "]";
            }
            case STRUCT:
            case UNION: {
                BtfType.Composite c = (BtfType.Composite) t;
                return t.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + c.size() + " " + c.members().stream()
                        .map(m -> m.name() + ":" + m.bitOffset() + (m.bitfieldSize() > 0 ? "/" + m.bitfieldSize() : "")
                                + " " + ref(m.type(), depth))
                        .collect(Collectors.joining("; ", "{", "}"));
            }
            case ENUM: {
                BtfType.Enum e = (BtfType.Enum) t;
                return "enum " + e.size() + (e.signed() ? " signed " : " ") + e.values().stream()
                        .map(v -> v.name() + "=" + v.value()).collect(Collectors.joining(", ", "{", "}"));
            }
            case ENUM64: {
                BtfType.Enum64 e = (BtfType.Enum64) t;
                return "enum64 " + e.size() + (e.signed() ? " signed " : " ") + e.values().stream()
                        .map(v -> v.name() + "=" + v.value()).collect(Collectors.joining(", ", "{", "}"));
            }
            case TYPE_TAG:
                return "type_tag(" + t.name() + (((BtfType.TypeTag) t).attribute() ? ", attribute" : "") + ") "
                        + ref(((BtfType.Modifier) t).type(), depth);
            case TYPEDEF:
            case CONST:
            case VOLATILE:
            case RESTRICT:
                return t.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + ref(((BtfType.Modifier) t).type(), depth);
            case FUNC_PROTO: {
                BtfType.FuncProto p = (BtfType.FuncProto) t;
                return "fn(" + p.params().stream().map(q -> q.name() + ":" + ref(q.type(), depth))
                        .collect(Collectors.joining(", ")) + ") -> " + ref(p.returnType(), depth);
            }
            default:
                return t.kind() + " " + t.name();
        }
    }
}
