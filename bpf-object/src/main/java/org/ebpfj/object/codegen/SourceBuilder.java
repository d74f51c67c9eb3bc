package org.ebpfj.object.codegen;

/**
 * Java source text, line by line, with four-space indentation and {@code \n} line ends on every platform (so the
 * same BTF gives the same bytes everywhere).
 */
final class SourceBuilder {
    private final StringBuilder text = new StringBuilder();
    private static final int WIDTH = 120;
    private int depth;

    /** Appends a line; a line ending with '{' opens a block, one starting with '}' closes one. */
    SourceBuilder line(String line) {
        if (line.startsWith("}")) {
            depth--;
        }
        if (line.isEmpty()) {
            text.append('\n');
        } else {
            text.append("    ".repeat(Math.max(0, depth))).append(line).append('\n');
        }
        if (line.endsWith("{")) {
            depth++;
        }
        return this;
    }

    SourceBuilder line(String format, Object... args) {
        return line(String.format(java.util.Locale.ROOT, format, args));
    }

    /** Appends text already laid out (a template's lines), at the top level. */
    SourceBuilder verbatim(String lines) {
        text.append(lines);
        return this;
    }

    SourceBuilder blank() {
        return line("");
    }

    /** A javadoc comment; each element is one paragraph line of it, wrapped to fit 120 columns. */
    SourceBuilder doc(String... lines) {
        String indent = "    ".repeat(Math.max(0, depth));
        if (lines.length == 1 && indent.length() + lines[0].length() + 7 <= WIDTH) {
            text.append(indent).append("/** ").append(lines[0]).append(" */\n");
            return this;
        }
        text.append(indent).append("/**\n");
        boolean pre = false;
        for (String l : lines) {
            pre = pre ? !l.startsWith("</pre>") && !l.startsWith("}</pre>") : l.startsWith("<pre>");
            if (l.isEmpty()) {
                text.append(indent).append(" *\n");
                continue;
            }
            for (String wrapped : pre ? java.util.List.of(l) : wrap(l, WIDTH - indent.length() - 3)) {
                text.append(indent).append(" * ").append(wrapped).append('\n');
            }
        }
        text.append(indent).append(" */\n");
        return this;
    }

    private static java.util.List<String> wrap(String line, int width) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : line.split(" ")) {
            if (cur.length() > 0 && cur.length() + 1 + word.length() > width) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            if (cur.length() > 0) {
                cur.append(' ');
            }
            cur.append(word);
        }
        out.add(cur.toString());
        return out;
    }

    /** A javadoc comment from lines in a list. */
    SourceBuilder doc(java.util.List<String> lines) {
        return doc(lines.toArray(String[]::new));
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
