package org.ebpfj.object.codegen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.codegen.TypePlan.EnumPlan;

/**
 * Writes a C enum as a Java enum whose constants carry the C values. Records keep the member as a number (a
 * program may store any value) and offer {@code xEnum()} to map it; {@link #of} is that mapping.
 */
final class EnumWriter {
    private EnumWriter() {
    }

    static void write(SourceBuilder out, EnumPlan p) {
        String number = p.size() == 8 ? "long" : "int";
        List<String> doc = new ArrayList<>();
        doc.add("{@code " + JavaNames.doc(p.cName()) + "} (" + p.size() + " bytes" + (p.signed() ? "" : ", unsigned")
                + ")" + p.location().map(l -> ", declared at " + JavaNames.doc(l)).orElse("") + ".");
        out.doc(doc);
        out.line("public enum %s {", p.javaName());
        Set<String> used = new HashSet<>();
        List<BtfType.EnumValue> values = p.values();
        for (int i = 0; i < values.size(); i++) {
            BtfType.EnumValue v = values.get(i);
            String name = JavaNames.constant(v.name());
            for (int n = 2; !used.add(name); n++) {
                name = JavaNames.constant(v.name()) + "_" + n;
            }
            String literal = literal(v.value(), p.size());
            out.line("%s(%s)%s", name, literal, i == values.size() - 1 ? ";" : ",");
        }
        out.blank();
        out.line("private final %s value;", number);
        out.blank();
        out.line("%s(%s value) {", p.javaName(), number);
        out.line("this.value = value;");
        out.line("}");
        out.blank();
        out.doc("The C value.");
        out.line("public %s value() {", number);
        out.line("return value;");
        out.line("}");
        out.blank();
        out.doc("The constant with this C value (the first, when several share it), or empty.");
        out.line("public static java.util.Optional<%s> of(%s value) {", p.javaName(), number);
        out.line("for (%s e : values()) {", p.javaName());
        out.line("if (e.value == value) {");
        out.line("return java.util.Optional.of(e);");
        out.line("}");
        out.line("}");
        out.line("return java.util.Optional.empty();");
        out.line("}");
        out.line("}");
    }

    /** The value as the member's Java number holds it: the low bytes, sign-extended as Java reads them back. */
    private static String literal(long value, long size) {
        if (size == 8) {
            return value + "L";
        }
        long v = switch ((int) size) {
            case 1 -> (byte) value;
            case 2 -> (short) value;
            default -> (int) value;
        };
        return String.valueOf(v); // a byte or short member widens with its sign, so the constant does too
    }
}
