package org.ebpfj.object.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The C sources of the test objects, to find the line a declaration is on, so expected locations follow the
 * sources instead of being copied numbers.
 */
public final class TestSources {
    private TestSources() {
    }

    /** The 1-based line of the only line in {@code source} that contains {@code needle}. */
    public static int lineOf(String source, String needle) {
        return find(source, needle, false);
    }

    /** The 1-based line of the only line in {@code source} that is exactly {@code line}. */
    public static int lineExactly(String source, String line) {
        return find(source, line, true);
    }

    private static int find(String source, String needle, boolean exact) {
        String[] lines = text(source).split("\n", -1);
        int found = 0;
        for (int i = 0; i < lines.length; i++) {
            if (exact ? lines[i].equals(needle) : lines[i].contains(needle)) {
                if (found != 0) {
                    throw new IllegalArgumentException("'" + needle + "' is on lines " + found + " and " + (i + 1)
                            + " of " + source);
                }
                found = i + 1;
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException("'" + needle + "' is not in " + source);
        }
        return found;
    }

    private static String text(String source) {
        try (InputStream in = TestSources.class.getResourceAsStream("/objects/" + source)) {
            if (in == null) {
                throw new IllegalStateException("no test source " + source);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
