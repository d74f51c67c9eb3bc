package org.ebpfj.maven.check;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sizes as users write them in a pom: {@code 268435456}, {@code 256M}, {@code 256MiB}, {@code 1G}. */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([KMGT])(?:I?B)?|B)?");

    private ByteSize() {
    }

    /**
     * Binary units (K = 1024), since kernel memory is counted in pages.
     *
     * @throws IllegalArgumentException when the text is not a positive size that fits in a long
     */
    public static long parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        Matcher m = SIZE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: write bytes (268435456) or a number"
                    + " with K, M, G or T (256M)");
        }
        int shift = m.group(2) == null ? 0 : 10 * ("KMGT".indexOf(m.group(2)) + 1);
        try {
            long number = Long.parseLong(m.group(1));
            if (number <= 0 || number > (Long.MAX_VALUE >> shift)) {
                throw new IllegalArgumentException("size '" + text + "' must be positive and below 8 EiB");
            }
            return number << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size '" + text + "' is too large", e);
        }
    }
}
