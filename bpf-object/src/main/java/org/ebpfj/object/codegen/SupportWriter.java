package org.ebpfj.object.codegen;

/**
 * Writes {@code BpfBytes}, the package-private helpers every generated record of a package shares (strings, raw
 * bytes, bitfields, 128-bit integers), so the records need nothing but the JDK.
 */
final class SupportWriter {
    private SupportWriter() {
    }

    static void write(SourceBuilder out, String objectFile, boolean bigEndian) {
        out.doc("Helpers the records generated from {@code " + JavaNames.doc(objectFile) + "} share. Every"
                + " {@code ByteBuffer} they are given", "must be in {@link #ORDER}, the object's byte order.");
        out.line("final class BpfBytes {");
        out.doc("The byte order of the object's target ({@code bpf" + (bigEndian ? "eb" : "el") + "}), which is the"
                + " host's when the object loads.");
        out.line("static final ByteOrder ORDER = ByteOrder.%s;", bigEndian ? "BIG_ENDIAN" : "LITTLE_ENDIAN");
        out.blank();
        out.line("private BpfBytes() {");
        out.line("}");
        out.blank();
        out.line("static void checkLength(String what, int length, int expected) {");
        out.line("if (length != expected) {");
        out.line("throw new IllegalArgumentException(what + \" has \" + length + \" elements; the C member has \""
                + " + expected);");
        out.line("}");
        out.line("}");
        out.blank();
        out.line("static void checkString(String what, String value, int bound) {");
        out.line("int length = value.getBytes(StandardCharsets.UTF_8).length;");
        out.line("if (length > bound) {");
        out.line("throw new IllegalArgumentException(what + \" is \" + length + \" bytes of UTF-8; char[\" + bound");
        out.line("        + \"] holds \" + bound);");
        out.line("}");
        out.line("}");
        out.blank();
        out.line("static void zero(ByteBuffer buf, int offset, int length) {");
        out.line("for (int i = 0; i < length; i++) {");
        out.line("buf.put(offset + i, (byte) 0);");
        out.line("}");
        out.line("}");
        out.blank();
        out.line("static byte[] getBytes(ByteBuffer buf, int offset, int length) {");
        out.line("byte[] out = new byte[length];");
        out.line("buf.get(offset, out);");
        out.line("return out;");
        out.line("}");
        out.blank();
        out.line("static void putBytes(ByteBuffer buf, int offset, byte[] bytes) {");
        out.line("buf.put(offset, bytes);");
        out.line("}");
        out.blank();
        out.doc("The bytes up to the first NUL (or all {@code bound}), as UTF-8.");
        out.line("static String getString(ByteBuffer buf, int offset, int bound) {");
        out.line("int length = 0;");
        out.line("while (length < bound && buf.get(offset + length) != 0) {");
        out.line("length++;");
        out.line("}");
        out.line("byte[] bytes = new byte[length];");
        out.line("buf.get(offset, bytes);");
        out.line("return new String(bytes, StandardCharsets.UTF_8);");
        out.line("}");
        out.blank();
        out.doc("The string's UTF-8 bytes, then zeros up to {@code bound} (no NUL when it fills the array, as in C).");
        out.line("static void putString(ByteBuffer buf, int offset, int bound, String value) {");
        out.line("byte[] bytes = value.getBytes(StandardCharsets.UTF_8);");
        out.line("buf.put(offset, bytes);");
        out.line("zero(buf, offset + bytes.length, bound - bytes.length);");
        out.line("}");
        out.blank();
        out.doc("A bitfield of {@code bits} bits starting {@code shift} bits into the byte at {@code offset}.");
        out.line("static long getBits(ByteBuffer buf, int offset, int shift, int bits, boolean signed) {");
        out.line("long value = 0;");
        out.line("for (int bit = 0; bit < bits; bit++) {");
        out.line("int at = " + (bigEndian ? "shift + bits - 1 - bit" : "shift + bit") + ";");
        out.line("int b = buf.get(offset + at / 8) >> " + (bigEndian ? "(7 - at % 8)" : "(at % 8)") + " & 1;");
        out.line("value |= (long) b << bit;");
        out.line("}");
        out.line("return signed && bits < 64 ? value << (64 - bits) >> (64 - bits) : value;");
        out.line("}");
        out.blank();
        out.doc("Sets a bitfield's bits, leaving the bits around it as they are.");
        out.line("static void putBits(ByteBuffer buf, int offset, int shift, int bits, long value) {");
        out.line("for (int bit = 0; bit < bits; bit++) {");
        out.line("int at = " + (bigEndian ? "shift + bits - 1 - bit" : "shift + bit") + ";");
        out.line("int mask = 1 << " + (bigEndian ? "(7 - at % 8)" : "(at % 8)") + ";");
        out.line("byte old = buf.get(offset + at / 8);");
        out.line("buf.put(offset + at / 8, (byte) ((value >>> bit & 1) != 0 ? old | mask : old & ~mask));");
        out.line("}");
        out.line("}");
        out.blank();
        out.line("static BigInteger getInt128(ByteBuffer buf, int offset, boolean signed) {");
        out.line("byte[] bigEndian = new byte[16];");
        out.line("for (int i = 0; i < 16; i++) {");
        out.line("bigEndian[" + (bigEndian ? "i" : "15 - i") + "] = buf.get(offset + i);");
        out.line("}");
        out.line("return signed ? new BigInteger(bigEndian) : new BigInteger(1, bigEndian);");
        out.line("}");
        out.blank();
        out.line("static void putInt128(ByteBuffer buf, int offset, BigInteger value, boolean signed) {");
        out.line("if (value.bitLength() > (signed ? 127 : 128) || !signed && value.signum() < 0) {");
        out.line("throw new IllegalArgumentException(value + \" does not fit a 128-bit \"");
        out.line("        + (signed ? \"signed\" : \"unsigned\") + \" integer\");");
        out.line("}");
        out.line("byte[] raw = value.toByteArray();");
        out.line("for (int i = 0; i < 16; i++) {");
        out.line("int from = raw.length - 1 - i;");
        out.line("byte b = from >= 0 ? raw[from] : (byte) (value.signum() < 0 ? -1 : 0);");
        out.line("buf.put(offset + " + (bigEndian ? "15 - i" : "i") + ", b);");
        out.line("}");
        out.line("}");
        out.line("}");
    }
}
