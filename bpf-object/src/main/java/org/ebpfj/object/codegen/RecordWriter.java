package org.ebpfj.object.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.codegen.TypePlan.Component;
import org.ebpfj.object.codegen.TypePlan.StructPlan;

/**
 * Writes a struct's plan as a Java 17 record: one component per C member (anonymous structs flattened), the
 * exact size, a compact constructor that refuses what would not fit the C layout, and {@code read}/{@code write}
 * over a {@code ByteBuffer} at an offset, so a codec needs no reflection. The javadoc shows the C layout.
 */
final class RecordWriter {
    /** Names generated methods use for their parameters and loop variables; a component so named is renamed there. */
    private static final Set<String> LOCALS = Set.of("buf", "offset", "i", "j", "k", "l", "m", "n", "other");

    private RecordWriter() {
    }

    static void write(SourceBuilder out, StructPlan p, boolean nested, Members members) {
        out.doc(javadoc(p));
        String components = String.join(", ", p.components().stream()
                .map(c -> c.declaredType() + " " + c.javaName()).toList());
        out.line("public record %s(%s) {", p.javaName(), components);
        out.doc("Bytes of {@code " + JavaNames.doc(p.cName()) + "}.");
        out.line("public static final int BYTES = %d;", p.size());
        compactConstructor(out, p);
        read(out, p);
        write(out, p);
        Members.bytesConversions(out, p.javaName(), JavaNames.doc(p.cName()));
        members.enumAccessors(out, p.components());
        if (p.components().stream().anyMatch(c -> c.type().isArray())) {
            Members.arrayAwareObjectMethods(out, p.javaName(), p.components());
        }
        for (TypePlan n : p.nested()) {
            out.blank();
            members.writeNested(out, n);
        }
        out.line("}");
    }

    private static List<String> javadoc(StructPlan p) {
        List<String> doc = new ArrayList<>();
        doc.add("{@code " + JavaNames.doc(p.cName()) + "} (" + p.size() + " bytes)"
                + p.location().map(l -> ", declared at " + JavaNames.doc(l)).orElse("") + ".");
        doc.add("");
        doc.add("<pre>");
        doc.add("offset  size  C member");
        List<String[]> rows = new ArrayList<>();
        for (Component c : p.components()) {
            String off = c.isBitfield() ? c.byteOffset() + "." + c.bitOffset() % 8 : String.valueOf(c.byteOffset());
            String size = c.isBitfield() ? c.bits() + "b" : String.valueOf(c.type().size());
            rows.add(new String[] {off, size, c.cType() + " " + (c.cName().isEmpty() ? "(anonymous)" : c.cName())
                    + (c.isBitfield() ? " : " + c.bits() : ""), String.valueOf(c.bitOffset())});
        }
        for (long[] gap : Layout.padding(p.size(), p.components())) {
            rows.add(new String[] {String.valueOf(gap[0]), String.valueOf(gap[1]), "(padding)",
                    String.valueOf(gap[0] * 8)});
        }
        rows.sort((a, b) -> Long.compare(Long.parseLong(a[3]), Long.parseLong(b[3])));
        for (String[] r : rows) {
            doc.add(String.format(java.util.Locale.ROOT, "%6s  %4s  %s", r[0], r[1], JavaNames.doc(r[2])));
        }
        doc.add("</pre>");
        for (String note : p.notes()) {
            doc.add("");
            doc.add(JavaNames.capitalize(JavaNames.doc(note)) + ".");
        }
        doc.add("");
        for (Component c : p.components()) {
            doc.add("@param " + c.javaName() + " " + JavaNames.doc(describe(c)));
        }
        return doc;
    }

    static String describe(Component c) {
        return c.type().describe() + (c.isBitfield() ? "" : "")
                + c.enumType().map(e -> "; see " + e).orElse("");
    }

    private static void compactConstructor(SourceBuilder out, StructPlan p) {
        List<String> checks = new ArrayList<>();
        for (Component c : p.components()) {
            if (c.type().isReference()) {
                checks.add("Objects.requireNonNull(" + c.javaName() + ", \"" + c.javaName() + "\");");
            }
            checks.addAll(Members.checks(c.javaName(), c.type(), c.javaName(), 0));
        }
        if (checks.isEmpty()) {
            return;
        }
        out.blank();
        out.line("public %s {", p.javaName());
        checks.forEach(out::line);
        out.line("}");
    }

    private static void read(SourceBuilder out, StructPlan p) {
        out.blank();
        out.doc("Reads a {@code " + JavaNames.doc(p.cName()) + "} at {@code offset}; {@code buf} is in the object's"
                + " byte order ({@link BpfBytes#ORDER}).");
        out.line("public static %s read(ByteBuffer buf, int offset) {", p.javaName());
        List<String> args = new ArrayList<>();
        for (Component c : p.components()) {
            String local = local(c.javaName());
            args.add(local);
            String off = offset("offset", c.byteOffset());
            if (c.isBitfield()) {
                String bits = "BpfBytes.getBits(buf, " + off + ", " + c.bitOffset() % 8 + ", " + c.bits() + ", "
                        + c.signed() + ")";
                String value = switch (c.declaredType()) {
                    case "boolean" -> bits + " != 0";
                    case "int" -> "(int) " + bits;
                    default -> bits;
                };
                out.line("%s %s = %s;", c.declaredType(), local, value);
            } else if (c.type() instanceof JavaType.Array a) {
                out.line("%s %s = new %s;", c.declaredType(), local, JavaType.Array.newArray(a));
                a.readInto(local, "buf", off, 0).forEach(out::line);
            } else {
                out.line("%s %s = %s;", c.declaredType(), local, c.type().read("buf", off));
            }
        }
        out.line("return new %s(%s);", p.javaName(), String.join(", ", args));
        out.line("}");
    }

    private static void write(SourceBuilder out, StructPlan p) {
        out.blank();
        out.doc("Writes this record as a {@code " + JavaNames.doc(p.cName()) + "} at {@code offset}, padding as"
                + " zeros; {@code buf} is in the object's byte order ({@link BpfBytes#ORDER}).");
        out.line("public void write(ByteBuffer buf, int offset) {");
        for (long[] gap : p.gaps()) {
            out.line("BpfBytes.zero(buf, %s, %d);", offset("offset", gap[0]), gap[1]);
        }
        for (Component c : p.components()) {
            String field = field(c.javaName());
            String off = offset("offset", c.byteOffset());
            if (c.isBitfield()) {
                String value = switch (c.declaredType()) {
                    case "boolean" -> "(" + field + " ? 1 : 0)";
                    default -> field;
                };
                out.line("BpfBytes.putBits(buf, %s, %d, %d, %s);", off, c.bitOffset() % 8, c.bits(), value);
            } else {
                c.type().write("buf", off, field, 0).forEach(out::line);
            }
        }
        out.line("}");
    }

    static String offset(String base, long bytes) {
        return bytes == 0 ? base : base + " + " + bytes;
    }

    /** The local variable holding a component in {@code read}. */
    static String local(String component) {
        return LOCALS.contains(component) ? component + "Value" : component;
    }

    /** The component as {@code write} refers to it: {@code this.} where a parameter has its name. */
    static String field(String component) {
        return LOCALS.contains(component) ? "this." + component : component;
    }
}
