package org.ebpfj.object.report;

import org.ebpfj.object.rules.Violation;
import org.ebpfj.object.spec.SourceLocation;

/**
 * The compiler-style line a finding is shown as, so IDEs link it:
 * {@code file:line: error: [rule-id] map 'NAME' (TYPE): message (kernel: EINVAL)}. The one rendering of a
 * {@link Violation}, shared by the CLI and the Maven plugin.
 */
public final class FindingLine {
    private FindingLine() {
    }

    public static String of(Violation v) {
        return of(v, v.location());
    }

    /** The line with the finding placed at {@code where} (e.g. its location made absolute for an IDE). */
    public static String of(Violation v, SourceLocation where) {
        String at = String.valueOf(where);
        String message = v.message();
        // Sized once for the parts that vary (the rest is a few dozen characters), not grown step by step.
        StringBuilder sb = new StringBuilder(at.length() + v.mapName().length() + message.length() + 96);
        sb.append(at).append(": ").append(v.severity().label()).append(": [").append(v.ruleId()).append("] ");
        if (!v.mapName().isEmpty()) {
            // Object-level findings (a legacy maps section) concern no single map.
            sb.append("map '").append(v.mapName()).append("' (").append(v.mapType()).append("): ");
        }
        sb.append(message);
        v.errno().ifPresent(e -> sb.append(" (kernel: ").append(e.name()).append(')'));
        return sb.toString();
    }

    /** An input that could not be read at all: {@code file: error: reason}. */
    public static String unreadable(String file, String reason) {
        return file + ": error: " + reason;
    }
}
