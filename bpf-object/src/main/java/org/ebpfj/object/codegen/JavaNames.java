package org.ebpfj.object.codegen;

import java.util.Locale;
import java.util.Set;

/**
 * C names to Java names: {@code flow_key} becomes the type {@code FlowKey}, the member {@code flowKey} and the
 * constant {@code FLOW_KEY}. Names that would not compile (keywords, a leading digit) or would shadow the
 * {@code java.lang} types generated code uses get a suffix.
 */
final class JavaNames {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
            "_");
    /** Simple names generated code refers to without qualification. */
    private static final Set<String> RESERVED_TYPES = Set.of("Object", "String", "Integer", "Long", "Short", "Byte",
            "Float", "Double", "Boolean", "Character", "Math", "System", "Override", "Record", "Enum", "Class",
            "Arrays", "Objects", "Optional", "ByteBuffer", "ByteOrder", "BigInteger", "StandardCharsets", "List",
            "BpfBytes", "Options");
    /** Method names every record or skeleton already has. */
    private static final Set<String> RESERVED_MEMBERS = Set.of("equals", "hashCode", "toString", "getClass", "read",
            "write", "toBytes", "fromBytes", "wait", "notify", "notifyAll", "clone", "finalize", "bytes");

    private JavaNames() {
    }

    /** {@code flow_key} → {@code FlowKey}; {@code __sk_buff} → {@code SkBuff}. */
    static String type(String cName) {
        String camel = capitalize(camel(cName));
        if (camel.isEmpty()) {
            camel = "Anonymous";
        }
        if (Character.isDigit(camel.charAt(0))) {
            camel = "T" + camel;
        }
        return RESERVED_TYPES.contains(camel) ? camel + "Type" : camel;
    }

    /** {@code first_error} → {@code firstError}; {@code class} → {@code class_}. */
    static String member(String cName) {
        String camel = camel(cName);
        if (camel.isEmpty()) {
            return "unnamed";
        }
        camel = Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
        if (Character.isDigit(camel.charAt(0))) {
            camel = "m" + camel;
        }
        return KEYWORDS.contains(camel) || RESERVED_MEMBERS.contains(camel) ? camel + "_" : camel;
    }

    /** {@code STATE_IDLE} stays; {@code flowKey} → {@code FLOW_KEY}. */
    static String constant(String cName) {
        String s = cName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9_]", "_")
                .toUpperCase(Locale.ROOT);
        while (s.startsWith("_")) {
            s = s.substring(1);
        }
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
            s = "C_" + s;
        }
        return KEYWORDS.contains(s.toLowerCase(Locale.ROOT)) && s.equals(s.toLowerCase(Locale.ROOT)) ? s + "_" : s;
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Splits on anything not a letter or digit; keeps inner capitals ({@code ipV4} → {@code ipV4}). */
    private static String camel(String cName) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (int i = 0; i < cName.length(); i++) {
            char c = cName.charAt(i);
            if (!Character.isLetterOrDigit(c) || c > 127) {
                upper = out.length() > 0;
                continue;
            }
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        return out.toString();
    }

    /** A Java string literal's content (C names are ASCII identifiers, but section names need not be). */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 32 || c > 126) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Text safe inside a javadoc comment. */
    static String doc(String s) {
        return s.replace("*/", "*&#47;").replace("@", "{@literal @}").replace("<", "&lt;").replace(">", "&gt;");
    }
}
