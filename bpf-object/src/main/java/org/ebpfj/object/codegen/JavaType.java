package org.ebpfj.object.codegen;

import java.util.List;

/**
 * How one C type is held in Java and moved to and from its bytes. Each kind writes the Java expression that reads
 * it from a {@code ByteBuffer} at an offset, and the statements that write it; offsets are Java expressions, so
 * arrays can add {@code i * size}.
 */
sealed interface JavaType {

    /** The Java type as written in source, e.g. {@code int}, {@code short[]}, {@code Point}. */
    String name();

    /** Bytes the C type occupies. */
    long size();

    /** What the C side is, for javadoc: {@code __u32 (unsigned: Integer.toUnsignedLong)}. */
    String describe();

    /** An expression reading the value from {@code buf} at {@code off}. */
    String read(String buf, String off);

    /** Statements writing {@code value} into {@code buf} at {@code off}; {@code depth} names loop variables. */
    List<String> write(String buf, String off, String value, int depth);

    /** Whether the Java value is an array (records then need equals, hashCode and toString of their own). */
    default boolean isArray() {
        return false;
    }

    /** Whether the value is an object, which the record's constructor checks for null. */
    default boolean isReference() {
        return true;
    }

    /** A Java primitive: {@code boolean, byte, short, int, long, float, double}. */
    record Scalar(String name, long size, String describe) implements JavaType {
        @Override
        public String read(String buf, String off) {
            switch (name) {
                case "boolean":
                    return buf + ".get(" + off + ") != 0";
                case "byte":
                    return buf + ".get(" + off + ")";
                default:
                    return buf + ".get" + JavaNames.capitalize(name) + "(" + off + ")";
            }
        }

        @Override
        public List<String> write(String buf, String off, String value, int depth) {
            switch (name) {
                case "boolean":
                    return List.of(buf + ".put(" + off + ", (byte) (" + value + " ? 1 : 0));");
                case "byte":
                    return List.of(buf + ".put(" + off + ", " + value + ");");
                default:
                    return List.of(buf + ".put" + JavaNames.capitalize(name) + "(" + off + ", " + value + ");");
            }
        }

        @Override
        public boolean isReference() {
            return false;
        }
    }

    /** A 128-bit integer as a {@code BigInteger}, checked to fit when written. */
    record Int128(boolean signed, String describe) implements JavaType {
        @Override
        public String name() {
            return "BigInteger";
        }

        @Override
        public long size() {
            return 16;
        }

        @Override
        public String read(String buf, String off) {
            return "BpfBytes.getInt128(" + buf + ", " + off + ", " + signed + ")";
        }

        @Override
        public List<String> write(String buf, String off, String value, int depth) {
            return List.of("BpfBytes.putInt128(" + buf + ", " + off + ", " + value + ", " + signed + ");");
        }
    }

    /** A {@code char[bound]} as a string of at most {@code bound} UTF-8 bytes, NUL-terminated when shorter. */
    record CString(long bound) implements JavaType {
        @Override
        public String name() {
            return "String";
        }

        @Override
        public long size() {
            return bound;
        }

        @Override
        public String describe() {
            return "char[" + bound + "], a string of at most " + bound + " bytes";
        }

        @Override
        public String read(String buf, String off) {
            return "BpfBytes.getString(" + buf + ", " + off + ", " + bound + ")";
        }

        @Override
        public List<String> write(String buf, String off, String value, int depth) {
            return List.of("BpfBytes.putString(" + buf + ", " + off + ", " + bound + ", " + value + ");");
        }
    }

    /** Raw bytes: {@code __u8[n]}, and what has no better Java form (it says why in {@link #describe()}). */
    record Bytes(long size, String describe) implements JavaType {
        @Override
        public String name() {
            return "byte[]";
        }

        @Override
        public String read(String buf, String off) {
            return "BpfBytes.getBytes(" + buf + ", " + off + ", " + size + ")";
        }

        @Override
        public List<String> write(String buf, String off, String value, int depth) {
            return List.of("BpfBytes.putBytes(" + buf + ", " + off + ", " + value + ");");
        }

        @Override
        public boolean isArray() {
            return true;
        }
    }

    /** A fixed array of any other element type, read element by element. */
    record Array(JavaType element, long count, String describe) implements JavaType {
        @Override
        public String name() {
            return element.name() + "[]";
        }

        @Override
        public long size() {
            return element.size() * count;
        }

        @Override
        public String read(String buf, String off) {
            throw new IllegalStateException("an array is read into a variable: see readInto");
        }

        @Override
        public List<String> write(String buf, String off, String value, int depth) {
            String i = loopVariable(depth);
            List<String> inner = element.write(buf, off + " + " + element.size() + " * " + i, value + "[" + i + "]",
                    depth + 1);
            java.util.List<String> out = new java.util.ArrayList<>();
            out.add("for (int " + i + " = 0; " + i + " < " + count + "; " + i + "++) {");
            out.addAll(inner);
            out.add("}");
            return out;
        }

        /** Statements declaring and filling {@code target} from {@code buf}. */
        List<String> readInto(String target, String buf, String off, int depth) {
            java.util.List<String> out = new java.util.ArrayList<>();
            String i = loopVariable(depth);
            out.add("for (int " + i + " = 0; " + i + " < " + count + "; " + i + "++) {");
            String elementOff = off + " + " + element.size() + " * " + i;
            if (element instanceof Array inner) {
                out.add(target + "[" + i + "] = new " + newArray(inner) + ";");
                out.addAll(inner.readInto(target + "[" + i + "]", buf, elementOff, depth + 1));
            } else {
                out.add(target + "[" + i + "] = " + element.read(buf, elementOff) + ";");
            }
            out.add("}");
            return out;
        }

        /** {@code int[3][]} for an array of arrays: the creation expression without {@code new}. */
        static String newArray(Array a) {
            String base = a.element().name();
            int brackets = 0;
            while (base.endsWith("[]")) {
                base = base.substring(0, base.length() - 2);
                brackets++;
            }
            return base + "[" + a.count() + "]" + "[]".repeat(brackets);
        }

        @Override
        public boolean isArray() {
            return true;
        }

        private static String loopVariable(int depth) {
            return String.valueOf((char) ('i' + depth));
        }
    }

    /** A generated record or union view, which reads and writes itself. */
    record Composite(String name, long size, String describe) implements JavaType {
        @Override
        public String read(String buf, String off) {
            return name + ".read(" + buf + ", " + off + ")";
        }

        @Override
        public List<String> write(String buf, String off, String value, int depth) {
            return List.of(value + ".write(" + buf + ", " + off + ");");
        }
    }
}
