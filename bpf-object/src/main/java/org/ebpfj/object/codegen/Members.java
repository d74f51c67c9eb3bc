package org.ebpfj.object.codegen;

import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.codegen.TypePlan.Component;

/** Pieces records and union views share: argument checks, byte-array conversions, enum accessors, equality. */
final class Members {

    /** Writes a nested record or view inside its parent. */
    void writeNested(SourceBuilder out, TypePlan plan) {
        if (plan instanceof TypePlan.StructPlan s) {
            RecordWriter.write(out, s, true, this);
        } else if (plan instanceof TypePlan.UnionPlan u) {
            UnionWriter.write(out, u, true, this);
        }
    }

    /** Checks that a value fits its C member: string bounds, array lengths, no null elements. */
    static List<String> checks(String expr, JavaType type, String what, int depth) {
        List<String> out = new ArrayList<>();
        if (type instanceof JavaType.CString s) {
            out.add("BpfBytes.checkString(\"" + what + "\", " + expr + ", " + s.bound() + ");");
        } else if (type instanceof JavaType.Bytes b) {
            out.add("BpfBytes.checkLength(\"" + what + "\", " + expr + ".length, " + b.size() + ");");
        } else if (type instanceof JavaType.Array a) {
            out.add("BpfBytes.checkLength(\"" + what + "\", " + expr + ".length, " + a.count() + ");");
            if (a.element().isReference()) {
                String e = "e" + depth;
                List<String> inner = checks(e, a.element(), what + "[]", depth + 1);
                out.add("for (" + a.element().name() + " " + e + " : " + expr + ") {");
                out.add("Objects.requireNonNull(" + e + ", \"" + what + "[]\");");
                out.addAll(inner);
                out.add("}");
            }
        }
        return out;
    }

    /** {@code fromBytes} and {@code toBytes}: the value as the kernel stores it. */
    static void bytesConversions(SourceBuilder out, String javaName, String cName) {
        out.blank();
        out.doc("Decodes the {@link #BYTES} bytes of a {@code " + cName + "}, e.g. a map value or an event.");
        out.line("public static %s fromBytes(byte[] bytes) {", javaName);
        out.line("BpfBytes.checkLength(\"bytes\", bytes.length, BYTES);");
        out.line("return read(ByteBuffer.wrap(bytes).order(BpfBytes.ORDER), 0);");
        out.line("}");
        out.blank();
        out.doc("Encodes this value as the {@link #BYTES} bytes of a {@code " + cName + "}.");
        out.line("public byte[] toBytes() {");
        out.line("ByteBuffer buf = ByteBuffer.allocate(BYTES).order(BpfBytes.ORDER);");
        out.line("write(buf, 0);");
        out.line("return buf.array();");
        out.line("}");
    }

    /** For each member of a named C enum type: {@code stateEnum()} maps the number to the Java enum. */
    void enumAccessors(SourceBuilder out, List<Component> components) {
        for (Component c : components) {
            if (c.enumType().isEmpty() || c.type().isReference()) {
                continue;
            }
            String e = c.enumType().get();
            out.blank();
            out.doc("{@link #" + c.javaName() + "()} as a {@link " + e + "}, or empty for a number that names no value"
                    + " of {@code " + JavaNames.doc(c.cType()) + "}.");
            out.line("public java.util.Optional<%s> %sEnum() {", e, c.javaName());
            out.line("return %s.of(%s);", e, c.javaName());
            out.line("}");
        }
    }

    /** equals, hashCode and toString that compare and print arrays by content, as records do not. */
    static void arrayAwareObjectMethods(SourceBuilder out, String javaName, List<Component> components) {
        List<String> eq = new ArrayList<>();
        List<String> hash = new ArrayList<>();
        List<String> str = new ArrayList<>();
        for (Component c : components) {
            String n = c.javaName();
            JavaType t = c.type();
            String declared = c.declaredType();
            boolean deep = t instanceof JavaType.Array a && (a.element().isArray() || a.element().isReference());
            if (t.isArray()) {
                eq.add((deep ? "Arrays.deepEquals(" : "Arrays.equals(") + n + ", other." + n + ")");
                hash.add(deep ? "Arrays.deepHashCode(" + n + ")" : "Arrays.hashCode(" + n + ")");
                str.add(n + "=\" + " + (deep ? "Arrays.deepToString(" : "Arrays.toString(") + n + ")");
            } else if (declared.equals("float") || declared.equals("double")) {
                String box = JavaNames.capitalize(declared);
                eq.add(box + ".compare(" + n + ", other." + n + ") == 0");
                hash.add(box + ".hashCode(" + n + ")");
                str.add(n + "=\" + " + n);
            } else if (t.isReference()) {
                eq.add(n + ".equals(other." + n + ")");
                hash.add(n + ".hashCode()");
                str.add(n + "=\" + " + n);
            } else {
                eq.add(n + " == other." + n);
                hash.add(box(declared) + ".hashCode(" + n + ")");
                str.add(n + "=\" + " + n);
            }
        }
        out.blank();
        out.line("@Override");
        out.line("public boolean equals(Object o) {");
        out.line("if (!(o instanceof %s)) {", javaName);
        out.line("return false;");
        out.line("}");
        out.line("%s other = (%s) o;", javaName, javaName);
        for (int i = 0; i < eq.size(); i++) {
            String line = (i == 0 ? "return " : "        && ") + eq.get(i) + (i == eq.size() - 1 ? ";" : "");
            out.line(line);
        }
        out.line("}");
        out.blank();
        out.line("@Override");
        out.line("public int hashCode() {");
        out.line("int h = 0;");
        for (String h : hash) {
            out.line("h = 31 * h + " + h + ";");
        }
        out.line("return h;");
        out.line("}");
        out.blank();
        out.line("@Override");
        out.line("public String toString() {");
        for (int i = 0; i < str.size(); i++) {
            String piece = i == 0 ? "return \"" + javaName + "[" + str.get(i) : "        + \", " + str.get(i);
            out.line(piece + (i == str.size() - 1 ? " + \"]\";" : ""));
        }
        out.line("}");
    }

    private static String box(String primitive) {
        return switch (primitive) {
            case "int" -> "Integer";
            case "char" -> "Character";
            default -> JavaNames.capitalize(primitive);
        };
    }
}
