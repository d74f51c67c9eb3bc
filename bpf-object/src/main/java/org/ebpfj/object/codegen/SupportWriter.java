package org.ebpfj.object.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes {@code BpfBytes}, the package-private helpers every generated record of a package shares (strings, raw
 * bytes, bitfields, 128-bit integers), so the records need nothing but the JDK. The class is Java text in
 * {@code BpfBytes.java.template}; only the parts that depend on the object's byte order are filled in here.
 */
final class SupportWriter {
    private static final String TEMPLATE_NAME = "BpfBytes.java.template";
    private static final String TEMPLATE = readTemplate();

    private SupportWriter() {
    }

    static void write(SourceBuilder out, String objectFile, boolean bigEndian) {
        out.doc("Helpers the records generated from {@code " + JavaNames.doc(objectFile) + "} share. Every"
                + " {@code ByteBuffer} they are given", "must be in {@link #ORDER}, the object's byte order.");
        // Bits are numbered from the least significant end on bpfel, from the most significant on bpfeb, as
        // clang lays bitfields out; 128-bit integers are copied into BigInteger's big-endian bytes.
        Map<String, String> byteOrder = bigEndian
                ? Map.of("target", "bpfeb", "order", "BIG_ENDIAN", "bitIndex", "shift + bits - 1 - bit",
                        "bitShift", "(7 - at % 8)", "readIndex", "i", "writeIndex", "15 - i")
                : Map.of("target", "bpfel", "order", "LITTLE_ENDIAN", "bitIndex", "shift + bit",
                        "bitShift", "(at % 8)", "readIndex", "15 - i", "writeIndex", "i");
        String text = TEMPLATE;
        for (Map.Entry<String, String> e : byteOrder.entrySet()) {
            text = text.replace("${" + e.getKey() + "}", e.getValue());
        }
        out.verbatim(text);
    }

    /** The template without its leading {@code //} comment lines. */
    private static String readTemplate() {
        try (InputStream in = SupportWriter.class.getResourceAsStream(TEMPLATE_NAME)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE_NAME + " is missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            while (text.startsWith("//")) {
                text = text.substring(text.indexOf('\n') + 1);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(TEMPLATE_NAME + " could not be read", e);
        }
    }
}
