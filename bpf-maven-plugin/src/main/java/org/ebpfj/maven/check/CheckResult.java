package org.ebpfj.maven.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.ebpfj.object.report.FindingLine;
import org.ebpfj.object.rules.Severity;
import org.ebpfj.object.rules.Violation;

/**
 * What a check found, as values: the rule findings (locations made absolute) and the objects that could not be
 * read, in the order they were logged. {@link #line} renders one the way the log shows it.
 *
 * @param objects  how many object files were looked at (readable or not)
 * @param maps     how many map definitions they hold
 * @param findings every finding, in the order logged
 */
public record CheckResult(int objects, int maps, List<Finding> findings) {

    /** One thing the check reports: a rule's finding, or an object it could not read (always an error). */
    public sealed interface Finding {
        Severity severity();
    }

    /** A rule's finding about a map or an object. */
    public record RuleFinding(Violation violation) implements Finding {
        @Override
        public Severity severity() {
            return violation.severity();
        }
    }

    /** An object file the reader refused; {@code reason} says why. */
    public record UnreadableObject(Path file, String reason) implements Finding {
        @Override
        public Severity severity() {
            return Severity.ERROR;
        }
    }

    public CheckResult {
        findings = List.copyOf(findings);
    }

    public static CheckResult nothingChecked() {
        return new CheckResult(0, 0, List.of());
    }

    public List<Finding> errors() {
        return at(Severity.ERROR);
    }

    public List<Finding> warnings() {
        return at(Severity.WARNING);
    }

    public List<Finding> infos() {
        return at(Severity.INFO);
    }

    private List<Finding> at(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** The finding as the log shows it: {@code /abs/x.bpf.c:12: error: [rule] map 'NAME' (TYPE): ...}. */
    public static String line(Finding f) {
        if (f instanceof RuleFinding r) {
            return FindingLine.of(r.violation());
        }
        UnreadableObject u = (UnreadableObject) f;
        return FindingLine.unreadable(u.file().toString(), u.reason());
    }

    /** Why the build fails, naming the count and the first offending finding; empty when it passes. */
    public Optional<String> failure(boolean failOnWarning) {
        List<Finding> errors = errors();
        if (!errors.isEmpty()) {
            return Optional.of("BPF map check failed: " + count(errors.size(), "error") + " in "
                    + count(objects, "object") + "; the first:\n  " + line(errors.get(0)));
        }
        List<Finding> warnings = warnings();
        if (failOnWarning && !warnings.isEmpty()) {
            return Optional.of("BPF map check failed: " + count(warnings.size(), "warning")
                    + " and failOnWarning is set; the first:\n  " + line(warnings.get(0)));
        }
        return Optional.empty();
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
