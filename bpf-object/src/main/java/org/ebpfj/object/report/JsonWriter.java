package org.ebpfj.object.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer, pretty-printed with two-space indents. Enough for the reports this project
 * writes (maps.json, the CLI's {@code maps} output), so the offline model needs no JSON library.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** One entry per open container: whether it already has an element (to place commas). */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter beginObject() {
        return begin('{');
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter beginArray() {
        return begin('[');
    }

    private JsonWriter begin(char bracket) {
        value();
        out.append(bracket);
        open.push(new boolean[1]);
        return this;
    }

    public JsonWriter endArray() {
        return close(']');
    }

    public JsonWriter name(String name) {
        element();
        quote(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        value();
        if (s == null) {
            out.append("null");
        } else {
            quote(s);
        }
        return this;
    }

    public JsonWriter value(long n) {
        value();
        out.append(n);
        return this;
    }

    public JsonWriter value(boolean b) {
        value();
        out.append(b);
        return this;
    }

    public JsonWriter field(String name, String s) {
        return name(name).value(s);
    }

    public JsonWriter field(String name, long n) {
        return name(name).value(n);
    }

    public JsonWriter field(String name, boolean b) {
        return name(name).value(b);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private JsonWriter close(char c) {
        boolean[] state = open.pop();
        if (state[0]) {
            newline();
        }
        out.append(c);
        return this;
    }

    /** Before a value: inside an array it is a new element; after a name it continues that member. */
    private void value() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!open.isEmpty()) {
            element();
        }
    }

    private void element() {
        boolean[] state = open.peek();
        if (state == null) {
            return;
        }
        if (state[0]) {
            out.append(',');
        }
        state[0] = true;
        newline();
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < open.size(); i++) {
            out.append("  ");
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
