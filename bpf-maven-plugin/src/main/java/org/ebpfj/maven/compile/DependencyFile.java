package org.ebpfj.maven.compile;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the make-style dependency file clang writes with {@code -MD -MF}: {@code target: source header...},
 * continued over lines with a trailing backslash, spaces in names escaped as {@code \ } and {@code $} as
 * {@code $$}. The prerequisites are every file the compilation read, the source included.
 */
public final class DependencyFile {

    private DependencyFile() {
    }

    public static List<Path> parsePrerequisites(String content) {
        Set<Path> prerequisites = new LinkedHashSet<>();
        String joined = content.replace("\\\r\n", " ").replace("\\\n", " ");
        for (String rule : joined.split("\\R")) {
            List<String> words = words(rule);
            int colon = findTargetEnd(words);
            if (colon < 0) {
                continue;
            }
            for (String word : words.subList(colon + 1, words.size())) {
                try {
                    prerequisites.add(Path.of(word));
                } catch (InvalidPathException e) {
                    // A name this platform cannot represent cannot be a file we could check; skip it.
                }
            }
        }
        return new ArrayList<>(prerequisites);
    }

    /** The index of the ":" word ending the targets; targets written as "name:" are split on the fly. */
    private static int findTargetEnd(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals(":")) {
                return i;
            }
            if (word.endsWith(":") && word.length() > 1) {
                words.set(i, word.substring(0, word.length() - 1));
                words.add(i + 1, ":");
                return i + 1;
            }
        }
        return -1;
    }

    /** Splits on unescaped whitespace and removes the escapes. */
    private static List<String> words(String rule) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < rule.length(); i++) {
            char c = rule.charAt(i);
            if (c == '\\' && i + 1 < rule.length() && (rule.charAt(i + 1) == ' ' || rule.charAt(i + 1) == '#')) {
                current.append(rule.charAt(++i));
            } else if (c == '$' && i + 1 < rule.length() && rule.charAt(i + 1) == '$') {
                current.append('$');
                i++;
            } else if (Character.isWhitespace(c)) {
                if (current.length() > 0) {
                    words.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            words.add(current.toString());
        }
        return words;
    }
}
