package org.ebpfj.object.codegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.codegen.TypePlan.Component;
import org.ebpfj.object.codegen.TypePlan.EnumPlan;
import org.ebpfj.object.codegen.TypePlan.Nesting;
import org.ebpfj.object.codegen.TypePlan.StructPlan;
import org.ebpfj.object.codegen.TypePlan.UnionPlan;

/**
 * Decides the Java form of every C type reachable from the roots it is given (map keys and values, globals,
 * named types): which records, union views and enums to generate, under which names, and how each member is held.
 * Names are given in the order types are first reached, so the same BTF and roots always give the same plans.
 */
final class TypePlanner {
    /** Deepest nesting of structs in structs followed; BTF from the reader is acyclic, this bounds the output. */
    private static final int MAX_DEPTH = 32;

    private final Btf btf;
    private final Function<String, Optional<String>> locations;
    private final Map<Integer, TypePlan> topLevel = new LinkedHashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private final Set<String> usedNames = new HashSet<>();

    /**
     * @param locations where a C type ({@code struct point}) is declared, as {@code file:line}
     * @param reserved  Java names already taken (the skeleton's)
     */
    TypePlanner(Btf btf, Function<String, Optional<String>> locations, Set<String> reserved) {
        this.btf = btf;
        this.locations = locations;
        this.usedNames.addAll(reserved);
    }

    /** The top-level plans, in the order they were first reached. */
    List<TypePlan> plans() {
        return List.copyOf(topLevel.values());
    }

    /**
     * The Java form of a root type; an anonymous struct, union or enum is named {@code nameIfAnonymous}.
     */
    JavaType root(int typeId, String nameIfAnonymous) {
        return map(typeId, nameIfAnonymous, null, 0);
    }

    /** The generated Java enum for a member's type, when it is a named C enum. */
    Optional<String> enumFor(int typeId) {
        BtfType t = btf.resolve(typeId);
        if ((t instanceof BtfType.Enum || t instanceof BtfType.Enum64) && names.containsKey(t.id())) {
            return Optional.of(names.get(t.id()));
        }
        return Optional.empty();
    }

    /**
     * @param nesting where an anonymous composite goes: null for a top-level type named {@code name}, else the
     *                enclosing type's nested list (the composite is then named {@code name} inside it)
     */
    private JavaType map(int typeId, String name, Nesting nesting, int depth) {
        BtfType t = btf.resolve(typeId);
        String c = btf.describe(typeId);
        long size = btf.sizeOf(typeId).orElse(0);
        if (t instanceof BtfType.Int i) {
            return integer(i, c);
        }
        if (t instanceof BtfType.Enum || t instanceof BtfType.Enum64) {
            planEnum(t, typedefName(typeId).orElse(name));
            boolean signed = t instanceof BtfType.Enum e ? e.signed() : ((BtfType.Enum64) t).signed();
            return scalarOfSize(size, c + (signed ? "" : " (unsigned)"), false);
        }
        if (t instanceof BtfType.Float) {
            if (size == 4 || size == 8) {
                return new JavaType.Scalar(size == 4 ? "float" : "double", size, c);
            }
            return new JavaType.Bytes(size, c + ": a " + size + "-byte float, as raw bytes");
        }
        if (t instanceof BtfType.Ptr) {
            return new JavaType.Scalar("long", Btf.POINTER_SIZE, c + ": a pointer, held as its 64-bit address");
        }
        if (t instanceof BtfType.Array a) {
            return array(a, c, name, nesting, depth);
        }
        if (t instanceof BtfType.Composite comp && depth < MAX_DEPTH) {
            String javaName = composite(comp, typedefName(typeId), name, nesting, depth);
            return new JavaType.Composite(javaName, size, c);
        }
        return new JavaType.Bytes(size, c + ": no Java form, held as " + size + " raw bytes");
    }

    private static JavaType integer(BtfType.Int i, String c) {
        if (i.bitOffset() != 0 || i.bits() != 8 * i.size()) {
            return new JavaType.Bytes(i.size(), c + ": an integer of " + i.bits() + " bits, as raw bytes");
        }
        if (i.isBool() && i.size() == 1) {
            return new JavaType.Scalar("boolean", 1, c);
        }
        if (i.size() == 16) {
            return new JavaType.Int128(i.signed(), c + (i.signed() ? "" : " (unsigned)")
                    + ": a 128-bit integer, as a BigInteger");
        }
        String unsigned = "";
        if (!i.signed() && !i.isChar()) {
            unsigned = switch ((int) i.size()) {
                case 1 -> " (unsigned: Byte.toUnsignedInt)";
                case 2 -> " (unsigned: Short.toUnsignedInt)";
                case 4 -> " (unsigned: Integer.toUnsignedLong)";
                case 8 -> " (unsigned: Long.toUnsignedString, Long.compareUnsigned)";
                default -> " (unsigned)";
            };
        }
        return scalarOfSize(i.size(), c + unsigned, false);
    }

    private static JavaType scalarOfSize(long size, String describe, boolean bool) {
        switch ((int) size) {
            case 1:
                return new JavaType.Scalar(bool ? "boolean" : "byte", 1, describe);
            case 2:
                return new JavaType.Scalar("short", 2, describe);
            case 4:
                return new JavaType.Scalar("int", 4, describe);
            case 8:
                return new JavaType.Scalar("long", 8, describe);
            default:
                return new JavaType.Bytes(size, describe + ", as raw bytes");
        }
    }

    private JavaType array(BtfType.Array a, String c, String name, Nesting nesting, int depth) {
        BtfType element = btf.resolve(a.elementType());
        long elementSize = btf.sizeOf(a.elementType()).orElse(0);
        if (a.elements() == 0 || elementSize == 0) {
            return new JavaType.Bytes(0, c + ": a flexible array, not part of the fixed layout");
        }
        if (element instanceof BtfType.Int i && i.size() == 1 && !i.isBool()) {
            if (i.name().equals("char")) {
                return new JavaType.CString(a.elements());
            }
            return new JavaType.Bytes(a.elements(), c);
        }
        JavaType inner = map(a.elementType(), name, nesting, depth + 1);
        if (inner instanceof JavaType.Bytes && !(element instanceof BtfType.Array)) {
            return new JavaType.Bytes(elementSize * a.elements(), c + ": elements without a Java form, as raw bytes");
        }
        return new JavaType.Array(inner, a.elements(), c);
    }

    /** The first typedef's name on the way to the type, for anonymous structs declared with a typedef. */
    private Optional<String> typedefName(int typeId) {
        int cur = typeId;
        for (int i = 0; i < MAX_DEPTH && btf.type(cur) instanceof BtfType.Modifier m; i++) {
            if (m instanceof BtfType.Typedef td) {
                return Optional.of(td.name());
            }
            cur = m.type();
        }
        return Optional.empty();
    }

    private String composite(BtfType.Composite comp, Optional<String> typedef, String name, Nesting nesting,
                             int depth) {
        if (names.containsKey(comp.id())) {
            return names.get(comp.id());
        }
        boolean anonymous = comp.name().isEmpty() && typedef.isEmpty();
        if (anonymous && nesting != null) {
            String nestedName = JavaNames.type(name);
            nesting.nested.add(planComposite(comp, nestedName, "anonymous " + kind(comp), depth));
            return nestedName;
        }
        String cName = comp.name().isEmpty() ? typedef.get() : comp.name();
        String javaName = unique(JavaNames.type(anonymous ? name : cName), comp);
        names.put(comp.id(), javaName);
        String described = comp.name().isEmpty() ? cName + " (a typedef of an anonymous " + kind(comp) + ")"
                : kind(comp) + " " + comp.name();
        topLevel.put(comp.id(), null); // reserves the place, so the order is the order types are reached
        topLevel.put(comp.id(), planComposite(comp, javaName, described, depth));
        return javaName;
    }

    private TypePlan planComposite(BtfType.Composite comp, String javaName, String cName, int depth) {
        Nesting nesting = new Nesting();
        Optional<String> where = locations.apply(kind(comp) + " " + comp.name());
        if (comp instanceof BtfType.Struct s) {
            List<Component> components = new ArrayList<>();
            flatten(s.members(), 0, components, nesting, depth);
            return new StructPlan(comp.id(), javaName, cName, s.size(), List.copyOf(components),
                    Layout.gaps(s.size(), components), List.copyOf(nesting.nested), where,
                    List.copyOf(nesting.notes));
        }
        List<Component> members = new ArrayList<>();
        for (BtfType.Member m : comp.members()) {
            members.add(component(m, 0, nesting, depth, m.name().isEmpty() ? joinedName(m, "And") : m.name()));
        }
        return new UnionPlan(comp.id(), javaName, cName, comp.size(), List.copyOf(members),
                List.copyOf(nesting.nested), where, List.copyOf(nesting.notes));
    }

    /** Members of a struct, with anonymous struct members' members lifted into it (as C lets code name them). */
    private void flatten(List<BtfType.Member> members, long baseBits, List<Component> out, Nesting nesting,
                         int depth) {
        for (BtfType.Member m : members) {
            BtfType resolved = btf.resolve(m.type());
            if (m.name().isEmpty() && resolved instanceof BtfType.Struct inner && !m.isBitfield()) {
                flatten(inner.members(), baseBits + m.bitOffset(), out, nesting, depth);
            } else if (m.name().isEmpty() && resolved instanceof BtfType.Union && !m.isBitfield()) {
                nesting.notes.add("the anonymous union at byte " + (baseBits + m.bitOffset()) / 8
                        + " is the component " + JavaNames.member(joinedName(m, "Or")) + ", a view with an accessor"
                        + " per member");
                out.add(component(m, baseBits, nesting, depth, joinedName(m, "Or")));
            } else if (m.name().isEmpty()) {
                nesting.notes.add("an unnamed " + btf.describe(m.type()) + " at bit " + (baseBits + m.bitOffset())
                        + " has no Java component: it is padding");
            } else {
                out.add(component(m, baseBits, nesting, depth, m.name()));
            }
        }
    }

    private Component component(BtfType.Member m, long baseBits, Nesting nesting, int depth, String cName) {
        String javaName = JavaNames.member(cName);
        long bitOffset = baseBits + m.bitOffset();
        if (m.isBitfield()) {
            BtfType under = btf.resolve(m.type());
            boolean signed = under instanceof BtfType.Int i ? i.signed()
                    : under instanceof BtfType.Enum e ? e.signed() : false;
            boolean bool = under instanceof BtfType.Int i && i.isBool() && m.bitfieldSize() == 1;
            String type = bool ? "boolean" : m.bitfieldSize() <= 32 ? "int" : "long";
            String describe = btf.describe(m.type()) + " : " + m.bitfieldSize() + (signed ? "" : " (unsigned)");
            map(m.type(), JavaNames.capitalize(javaName), nesting, depth + 1); // plans an enum type, if any
            return new Component(javaName, m.name(), btf.describe(m.type()), bitOffset, m.bitfieldSize(), signed,
                    new JavaType.Scalar(type, 0, describe), enumFor(m.type()));
        }
        JavaType type = map(m.type(), JavaNames.capitalize(javaName), nesting, depth + 1);
        return new Component(javaName, m.name(), btf.describe(m.type()), bitOffset, 0, false, type,
                enumFor(m.type()));
    }

    /** {@code tcp_seq} and {@code udp_len} → {@code tcpSeqOrUdpLen}: a name for an anonymous member. */
    private String joinedName(BtfType.Member m, String joiner) {
        BtfType t = btf.resolve(m.type());
        List<String> parts = new ArrayList<>();
        if (t instanceof BtfType.Composite c) {
            for (BtfType.Member inner : c.members()) {
                if (!inner.name().isEmpty() && parts.size() < 3) {
                    parts.add(JavaNames.capitalize(JavaNames.member(inner.name()).replace("_", "")));
                }
            }
        }
        if (parts.isEmpty()) {
            return kind(t) + "At" + m.bitOffset() / 8;
        }
        String joined = String.join(joiner, parts);
        return Character.toLowerCase(joined.charAt(0)) + joined.substring(1);
    }

    private void planEnum(BtfType t, String nameIfAnonymous) {
        if (names.containsKey(t.id()) || nameIfAnonymous == null && t.name().isEmpty()) {
            return;
        }
        List<BtfType.EnumValue> values = t instanceof BtfType.Enum e ? e.values() : ((BtfType.Enum64) t).values();
        if (values.isEmpty() || t.name().isEmpty()) {
            return; // an anonymous enum's values are plain numbers in Java too
        }
        String javaName = unique(JavaNames.type(t.name()), t);
        names.put(t.id(), javaName);
        long size = btf.sizeOf(t.id()).orElse(4);
        boolean signed = t instanceof BtfType.Enum e ? e.signed() : ((BtfType.Enum64) t).signed();
        topLevel.put(t.id(), new EnumPlan(t.id(), javaName, "enum " + t.name(), size, signed, values,
                locations.apply("enum " + t.name())));
    }

    private String unique(String base, BtfType t) {
        String name = base;
        if (usedNames.contains(name)) {
            name = base + JavaNames.capitalize(kind(t));
        }
        for (int n = 2; usedNames.contains(name); n++) {
            name = base + n;
        }
        usedNames.add(name);
        return name;
    }

    private static String kind(BtfType t) {
        return t instanceof BtfType.Union ? "union" : t instanceof BtfType.Struct ? "struct" : "enum";
    }
}
