package org.ebpfj.maven.compile;

import java.util.regex.Pattern;

/**
 * An Ant-style path pattern as Maven users write them in {@code <includes>}: {@code *} matches within one
 * folder, {@code ?} one character, {@code **} any number of folders including none (so {@code **}{@code /*.bpf.c}
 * also matches {@code a.bpf.c} at the top, which {@link java.nio.file.PathMatcher}'s glob does not).
 *
 * @param pattern the pattern as written
 * @param regex   what it matches, as a regular expression over {@code /}-separated relative paths
 */
public record AntPattern(String pattern, Pattern regex) {

    public static AntPattern compile(String pattern) {
        String normalized = pattern.trim().replace('\\', '/');
        if (normalized.endsWith("/")) {
            normalized = normalized + "**"; // Ant: a trailing slash means everything below
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < normalized.length()) {
            char c = normalized.charAt(i);
            if (normalized.startsWith("**/", i)) {
                sb.append("(?:.*/)?");
                i += 3;
            } else if (normalized.startsWith("**", i)) {
                sb.append(".*");
                i += 2;
            } else if (c == '*') {
                sb.append("[^/]*");
                i++;
            } else if (c == '?') {
                sb.append("[^/]");
                i++;
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return new AntPattern(pattern, Pattern.compile(sb.toString()));
    }

    /** @param relativePath a path relative to the scanned folder, with {@code /} separators */
    public boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
