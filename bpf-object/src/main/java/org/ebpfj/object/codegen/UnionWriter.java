package org.ebpfj.object.codegen;

import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.codegen.TypePlan.Component;
import org.ebpfj.object.codegen.TypePlan.UnionPlan;

/**
 * Writes a union as a view over its bytes: a record of the raw bytes, an accessor per C member that reads those
 * bytes as that member, and a factory per member ({@code ofIpv4(...)}) that builds the bytes from one member.
 * Which member is meaningful is the program's business, as in C.
 */
final class UnionWriter {
    private UnionWriter() {
    }

    static void write(SourceBuilder out, UnionPlan p, boolean nested, Members members) {
        List<String> doc = new ArrayList<>();
        doc.add("{@code " + JavaNames.doc(p.cName()) + "} (" + p.size() + " bytes)"
                + p.location().map(l -> ", declared at " + JavaNames.doc(l)).orElse("") + ", as a view of its bytes:"
                + " each accessor reads them as one member.");
        doc.add("");
        doc.add("<pre>");
        for (Component c : p.members()) {
            doc.add(JavaNames.doc(c.cType() + " " + (c.cName().isEmpty() ? "(anonymous)" : c.cName())
                    + (c.isBitfield() ? " : " + c.bits() : "")) + "  ->  " + c.javaName() + "()");
        }
        doc.add("</pre>");
        doc.add("");
        doc.add("@param bytes the union's " + p.size() + " bytes, in the object's byte order");
        out.doc(doc);
        out.line("public record %s(byte[] bytes) {", p.javaName());
        out.doc("Bytes of {@code " + JavaNames.doc(p.cName()) + "}.");
        out.line("public static final int BYTES = %d;", p.size());
        out.blank();
        out.line("public %s {", p.javaName());
        out.line("BpfBytes.checkLength(\"bytes\", bytes.length, BYTES);");
        out.line("}");
        out.blank();
        out.doc("Reads the union's bytes at {@code offset}.");
        out.line("public static %s read(ByteBuffer buf, int offset) {", p.javaName());
        out.line("return new %s(BpfBytes.getBytes(buf, offset, BYTES));", p.javaName());
        out.line("}");
        out.blank();
        out.doc("Writes the union's bytes at {@code offset}.");
        out.line("public void write(ByteBuffer buf, int offset) {");
        out.line("BpfBytes.putBytes(buf, offset, bytes);");
        out.line("}");
        for (Component c : p.members()) {
            accessor(out, p, c);
        }
        Members.bytesConversions(out, p.javaName(), JavaNames.doc(p.cName()));
        members.enumAccessors(out, p.members());
        out.blank();
        out.line("@Override");
        out.line("public boolean equals(Object o) {");
        out.line("return o instanceof %s && Arrays.equals(bytes, ((%s) o).bytes);", p.javaName(), p.javaName());
        out.line("}");
        out.blank();
        out.line("@Override");
        out.line("public int hashCode() {");
        out.line("return Arrays.hashCode(bytes);");
        out.line("}");
        out.blank();
        out.line("@Override");
        out.line("public String toString() {");
        out.line("return \"%s[bytes=\" + Arrays.toString(bytes) + \"]\";", p.javaName());
        out.line("}");
        for (TypePlan n : p.nested()) {
            out.blank();
            members.writeNested(out, n);
        }
        out.line("}");
    }

    private static void accessor(SourceBuilder out, UnionPlan p, Component c) {
        String type = c.declaredType();
        String off = RecordWriter.offset("0", c.byteOffset());
        out.blank();
        out.doc("The bytes read as {@code " + JavaNames.doc(c.cType() + " " + c.cName()) + "}: "
                + JavaNames.doc(RecordWriter.describe(c)) + ".");
        out.line("public %s %s() {", type, c.javaName());
        out.line("ByteBuffer buf = ByteBuffer.wrap(bytes).order(BpfBytes.ORDER);");
        if (c.isBitfield()) {
            String bits = "BpfBytes.getBits(buf, " + off + ", " + c.bitOffset() % 8 + ", " + c.bits() + ", "
                    + c.signed() + ")";
            out.line("return %s;", type.equals("boolean") ? bits + " != 0" : type.equals("int") ? "(int) " + bits
                    : bits);
        } else if (c.type() instanceof JavaType.Array a) {
            out.line("%s value = new %s;", type, JavaType.Array.newArray(a));
            a.readInto("value", "buf", off, 0).forEach(out::line);
            out.line("return value;");
        } else {
            out.line("return %s;", c.type().read("buf", off));
        }
        out.line("}");
        out.blank();
        out.doc("A {@code " + JavaNames.doc(p.cName()) + "} holding {@code " + JavaNames.doc(c.cName().isEmpty()
                ? c.cType() : c.cName()) + "}; the other bytes are zero.");
        String factory = "of" + JavaNames.capitalize(c.javaName());
        out.line("public static %s %s(%s %s) {", p.javaName(), factory, type, c.javaName());
        if (c.type().isReference()) {
            out.line("java.util.Objects.requireNonNull(%s, \"%s\");", c.javaName(), c.javaName());
        }
        Members.checks(c.javaName(), c.type(), c.javaName(), 0).forEach(out::line);
        out.line("ByteBuffer buf = ByteBuffer.allocate(BYTES).order(BpfBytes.ORDER);");
        if (c.isBitfield()) {
            String value = type.equals("boolean") ? "(" + c.javaName() + " ? 1 : 0)" : c.javaName();
            out.line("BpfBytes.putBits(buf, %s, %d, %d, %s);", off, c.bitOffset() % 8, c.bits(), value);
        } else {
            c.type().write("buf", off, c.javaName(), 0).forEach(out::line);
        }
        out.line("return new %s(buf.array());", p.javaName());
        out.line("}");
    }
}
