package org.ebpfj.object.cdump;

import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfFormatException;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.btf.BtfType.Composite;
import org.ebpfj.object.btf.BtfType.EnumValue;
import org.ebpfj.object.btf.BtfType.Member;
import org.ebpfj.object.btf.BtfType.Modifier;

/**
 * C text for one type: definitions of structs, unions, enums and typedefs, and declarations of members and
 * parameters. Anonymous structs, unions and enums have no name to refer to, so they are written inline where
 * they are used.
 *
 * <p>A declaration is built inside out, as C reads it: start from the declared name, wrap it in one
 * declarator per pointer, array and function type, and finish with the base type in front. BTF puts
 * const/volatile/restrict before the type they qualify, so they are collected on the way and written after a
 * pointer's {@code *}, or before a base type.
 *
 * @param btf    the types
 * @param names  the C names chosen for them
 * @param budget the output's size bound, charged as text is written
 */
record CDeclarations(Btf btf, CNames names, OutputBudget budget) {
    /** Declarator chains longer than this (pointers, arrays, modifiers) are not from a C compiler. */
    private static final int MAX_CHAIN = 64;
    /**
     * Inline definitions and parameter lists nested deeper than this are refused rather than risking the stack;
     * the kernel's anonymous types nest a handful of levels.
     */
    static final int MAX_NESTING = 64;

    /** What one padding field costs at most, with its indentation: {@code "\n\t\tlong: 64;"}. */
    private static final int PADDING_LINE_CHARS = 16;

    /**
     * What the left edge of a declarator is; it decides the spacing towards whatever is written before it, so that
     * the text reads {@code char *p}, {@code char * const p}, {@code int (*f)(void)}.
     */
    private enum Edge {
        /** Nothing yet, or {@code [n]} / {@code (params)} without a name: attach without a space. */
        BARE,
        NAME,
        POINTER,
        /** {@code (*p)[n]}: a pointer to an array. */
        ARRAY_PARENS,
        /** {@code (*f)(params)}: a pointer to a function. */
        FUNCTION_PARENS
    }

    /** {@code typeId} declared as {@code name} ("" for an abstract declarator, e.g. an unnamed parameter). */
    String declaration(int typeId, String name, int indent) throws BtfFormatException {
        return declaration(typeId, name, indent, 0);
    }

    private String declaration(int typeId, String name, int indent, int nesting) throws BtfFormatException {
        if (nesting > MAX_NESTING) {
            throw new BtfFormatException("BTF type #" + typeId, -1,
                    "anonymous types or parameters nested deeper than " + MAX_NESTING);
        }
        String declarator = name;
        Edge edge = name.isEmpty() ? Edge.BARE : Edge.NAME;
        List<BtfType> qualifiers = new ArrayList<>(2); // outermost first
        int id = typeId;
        for (int links = 0; ; links++) {
            if (links > MAX_CHAIN) {
                throw new BtfFormatException("BTF type #" + typeId, -1,
                        "declarator chain longer than " + MAX_CHAIN + " types");
            }
            BtfType t = btf.type(id);
            switch (t.kind()) {
                case CONST:
                case VOLATILE:
                case RESTRICT:
                case TYPE_TAG:
                    qualifiers.add(t);
                    id = ((Modifier) t).type();
                    break;
                case PTR: {
                    String star = "*" + pointerQualifiers(qualifiers);
                    if (declarator.isEmpty()) {
                        declarator = star;
                    } else if (!qualifiers.isEmpty() || edge == Edge.FUNCTION_PARENS) {
                        declarator = star + separator(edge, name) + declarator;
                    } else {
                        declarator = star + declarator;
                    }
                    edge = Edge.POINTER;
                    qualifiers.clear();
                    id = ((BtfType.Ptr) t).type();
                    break;
                }
                case ARRAY: {
                    // A qualifier on an array type means nothing in C (GCC emits them); drop it.
                    qualifiers.clear();
                    BtfType.Array a = (BtfType.Array) t;
                    declarator = beforeSuffix(declarator, edge) + "[" + a.elements() + "]";
                    edge = edge == Edge.POINTER ? Edge.ARRAY_PARENS : edge;
                    id = a.elementType();
                    break;
                }
                case FUNC_PROTO: {
                    qualifiers.clear();
                    BtfType.FuncProto proto = (BtfType.FuncProto) t;
                    declarator = beforeSuffix(declarator, edge) + parameters(proto, indent, nesting);
                    edge = edge == Edge.POINTER ? Edge.FUNCTION_PARENS : edge;
                    id = proto.returnType();
                    break;
                }
                default: {
                    String base = baseQualifiers(qualifiers) + baseType(id, t, indent, nesting)
                            + baseTags(qualifiers);
                    return declarator.isEmpty() ? base : base + separator(edge, name) + declarator;
                }
            }
        }
    }

    /**
     * The declarator an array or parameter-list suffix follows: {@code []} and {@code ()} bind tighter than
     * {@code *}, so a pointer declarator gets parentheses ({@code (*name)[4]}, {@code (*name)(int)}).
     */
    private static String beforeSuffix(String declarator, Edge edge) {
        return edge == Edge.POINTER ? "(" + declarator + ")" : declarator;
    }

    private static String separator(Edge edge, String name) {
        if (edge == Edge.BARE || edge == Edge.ARRAY_PARENS && name.isEmpty()) {
            return "";
        }
        return " ";
    }

    private String baseType(int id, BtfType t, int indent, int nesting) throws BtfFormatException {
        switch (t.kind()) {
            case VOID:
                return "void";
            case INT:
            case FLOAT:
                return t.name();
            case STRUCT:
            case UNION:
                return t.name().isEmpty() ? compositeDefinition((Composite) t, indent, nesting + 1)
                        : compositeReference(id);
            case ENUM:
            case ENUM64:
                return t.name().isEmpty() ? enumDefinition(t, indent) : "enum " + names.tag(id);
            case FWD:
                return forwardDeclaration(id);
            case TYPEDEF:
                return names.identifier(id);
            default:
                throw new BtfFormatException("BTF type #" + id, -1,
                        "a " + t.kind() + " cannot be the type of a C declaration");
        }
    }

    private String parameters(BtfType.FuncProto proto, int indent, int nesting) throws BtfFormatException {
        List<BtfType.Param> params = proto.params();
        // clang writes "(void)" as one parameter of type void; an empty list means the same.
        if (params.isEmpty() || params.size() == 1 && params.get(0).type() == 0) {
            return "(void)";
        }
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            BtfType.Param p = params.get(i);
            if (i == params.size() - 1 && p.type() == 0) {
                text.append("...");
            } else {
                text.append(declaration(p.type(), p.name(), indent, nesting + 1));
            }
        }
        return text.append(')').toString();
    }

    /** {@code const}/{@code volatile}/{@code restrict} before a base type, the one nearest the type first. */
    private static String baseQualifiers(List<BtfType> outermostFirst) {
        StringBuilder text = new StringBuilder();
        for (int i = outermostFirst.size() - 1; i >= 0; i--) {
            String keyword = qualifierKeyword(outermostFirst.get(i));
            if (keyword != null) {
                text.append(keyword).append(' ');
            }
        }
        return text.toString();
    }

    /** Type tags after a base type: {@code int __attribute__((btf_type_tag("user"))) *p}. */
    private static String baseTags(List<BtfType> outermostFirst) {
        StringBuilder text = new StringBuilder();
        for (int i = outermostFirst.size() - 1; i >= 0; i--) {
            if (outermostFirst.get(i) instanceof BtfType.TypeTag) {
                text.append(' ').append(typeTag((BtfType.TypeTag) outermostFirst.get(i)));
            }
        }
        return text.toString();
    }

    /** Everything that qualifies a pointer, written after its star: {@code * const volatile}. */
    private static String pointerQualifiers(List<BtfType> outermostFirst) {
        StringBuilder text = new StringBuilder();
        for (int i = outermostFirst.size() - 1; i >= 0; i--) {
            BtfType q = outermostFirst.get(i);
            String keyword = qualifierKeyword(q);
            text.append(' ').append(keyword != null ? keyword : typeTag((BtfType.TypeTag) q));
        }
        return text.toString();
    }

    /** The C keyword of a qualifier; null for a type tag, which is written as an attribute. */
    private static String qualifierKeyword(BtfType q) {
        return switch (q.kind()) {
            case CONST -> "const";
            case VOLATILE -> "volatile";
            case RESTRICT -> "restrict";
            default -> null;
        };
    }

    /** A tag keeps its meaning for clang's BTF; with kind_flag set the value is a plain attribute. */
    private static String typeTag(BtfType.TypeTag tag) {
        return tag.attribute() ? "__attribute__((" + tag.name() + "))"
                : "__attribute__((btf_type_tag(\"" + tag.name() + "\")))";
    }

    /** {@code struct name} or {@code union name}, to refer to a named struct or union. */
    String compositeReference(int id) {
        return (btf.type(id) instanceof BtfType.Struct ? "struct " : "union ") + names.tag(id);
    }

    /** {@code struct name} or {@code union name} for a forward declaration type. */
    String forwardDeclaration(int fwdId) {
        return (((BtfType.Fwd) btf.type(fwdId)).union() ? "union " : "struct ") + names.tag(fwdId);
    }

    /** The full definition, {@code struct name {...}}, at the given indentation (tabs) of its closing brace. */
    String compositeDefinition(Composite c, int indent) throws BtfFormatException {
        return compositeDefinition(c, indent, 0);
    }

    private String compositeDefinition(Composite c, int indent, int nesting) throws BtfFormatException {
        boolean isStruct = c instanceof BtfType.Struct;
        boolean packed = btf.isPacked(c);
        String tag = names.tag(c.id());
        StringBuilder text = new StringBuilder(64 + 32 * c.members().size());
        text.append(isStruct ? "struct" : "union").append(tag.isEmpty() ? "" : " ").append(tag).append(" {");
        long end = 0;
        long furthestEnd = 0;
        boolean previousWasBitfield = false;
        for (Member m : c.members()) {
            int align = packed ? 1 : btf.alignOf(m.type());
            for (String pad : padding(c, end, m.bitOffset(), align, previousWasBitfield && m.isBitfield())) {
                newLine(text, indent + 1).append(pad).append(';');
            }
            newLine(text, indent + 1).append(declaration(m.type(), m.name(), indent + 1, nesting));
            if (m.isBitfield()) {
                text.append(": ").append(m.bitfieldSize());
                end = m.bitOffset() + m.bitfieldSize();
            } else {
                end = m.bitOffset() + 8 * Math.max(0, btf.sizeOf(m.type()).orElse(0));
            }
            furthestEnd = Math.max(furthestEnd, end);
            previousWasBitfield = m.isBitfield();
            text.append(';');
        }
        int align = btf.alignOf(c.id());
        if (isStruct) {
            for (String pad : padding(c, end, 8 * c.size(), align, false)) {
                newLine(text, indent + 1).append(pad).append(';');
            }
        } else if (roundUp(furthestEnd, 8L * align) < 8 * c.size()) {
            unionPadding(text, padding(c, 0, 8 * c.size(), 1, false), indent);
        }
        if (!c.members().isEmpty() || c.size() != 0) {
            newLine(text, indent);
        }
        text.append('}');
        if (packed) {
            text.append(" __attribute__((packed))");
        }
        budget.charge(text.length(), c.id());
        return text.toString();
    }

    /**
     * A union bigger than its members (BTF has dropped a member, or the union is explicitly aligned) gets one
     * padding member as big as the union. Every union member starts at 0, so several padding bitfields would
     * overlap: a longer run goes into an anonymous struct.
     */
    private static void unionPadding(StringBuilder text, List<String> pads, int indent) {
        if (pads.size() == 1) {
            newLine(text, indent + 1).append(pads.get(0)).append(';');
            return;
        }
        newLine(text, indent + 1).append("struct {");
        for (String pad : pads) {
            newLine(text, indent + 2).append(pad).append(';');
        }
        newLine(text, indent + 1).append("};");
    }

    /** {@link Padding#between}, once the budget has room for the fields it will make (at most one per long). */
    private List<String> padding(Composite c, long fromBit, long toBit, int nextAlign, boolean betweenBitfields)
            throws BtfFormatException {
        if (toBit > fromBit) {
            budget.charge(PADDING_LINE_CHARS * ((toBit - fromBit) / 64 + 2), c.id());
        }
        return Padding.between(fromBit, toBit, nextAlign, betweenBitfields);
    }

    private static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** {@code enum name {...}}, or {@code enum name} alone for an enum without values (a forward reference). */
    String enumDefinition(BtfType e, int indent) throws BtfFormatException {
        List<EnumValue> values = e instanceof BtfType.Enum ? ((BtfType.Enum) e).values()
                : ((BtfType.Enum64) e).values();
        boolean signed = e instanceof BtfType.Enum ? ((BtfType.Enum) e).signed() : ((BtfType.Enum64) e).signed();
        long size = btf.sizeOf(e.id()).orElse(4);
        String tag = names.tag(e.id());
        StringBuilder text = new StringBuilder("enum");
        if (!tag.isEmpty()) {
            text.append(' ').append(tag);
        }
        if (values.isEmpty()) {
            return text.toString();
        }
        text.append(" {");
        for (EnumValue v : values) {
            newLine(text, indent + 1).append(names.enumerator(v.name())).append(" = ")
                    .append(EnumSizes.literal(e, v.value(), signed)).append(',');
        }
        newLine(text, indent).append('}');
        text.append(EnumSizes.sizeAttribute(e, size, values, signed));
        budget.charge(text.length(), e.id());
        return text.toString();
    }

    /** {@code typedef <declaration of the aliased type as the new name>}. */
    String typedefDefinition(BtfType.Typedef t) throws BtfFormatException {
        String name = names.identifier(t.id());
        // Old GCC describes __gnuc_va_list as an alias of void, which no compiler accepts back.
        if (t.type() == 0 && name.equals("__gnuc_va_list")) {
            return "typedef __builtin_va_list __gnuc_va_list";
        }
        return "typedef " + declaration(t.type(), name, 0);
    }

    private static StringBuilder newLine(StringBuilder text, int indent) {
        text.append('\n');
        for (int i = 0; i < indent; i++) {
            text.append('\t');
        }
        return text;
    }
}
