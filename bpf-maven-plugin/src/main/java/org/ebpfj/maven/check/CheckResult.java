package org.ebpfj.maven.check;

import java.util.List;
import java.util.Optional;

/**
 * What a check found, as the lines already written to the log.
 *
 * @param objects  how many object files were looked at (readable or not)
 * @param maps     how many map definitions they hold
 * @param errors   every error line (unreadable objects included), in the order logged
 * @param warnings every warning line
 * @param infos    how many info findings were logged
 */
public record CheckResult(int objects, int maps, List<String> errors, List<String> warnings, int infos) {

    public CheckResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public static CheckResult nothingChecked() {
        return new CheckResult(0, 0, List.of(), List.of(), 0);
    }

    /** Why the build fails, naming the count and the first offending line; empty when it passes. */
    public Optional<String> failure(boolean failOnWarning) {
        if (!errors.isEmpty()) {
            return Optional.of("BPF map check failed: " + count(errors.size(), "error") + " in "
                    + count(objects, "object") + "; the first:\n  " + errors.get(0));
        }
        if (failOnWarning && !warnings.isEmpty()) {
            return Optional.of("BPF map check failed: " + count(warnings.size(), "warning")
                    + " and failOnWarning is set; the first:\n  " + warnings.get(0));
        }
        return Optional.empty();
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
