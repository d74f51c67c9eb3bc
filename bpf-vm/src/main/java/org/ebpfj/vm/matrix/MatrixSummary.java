package org.ebpfj.vm.matrix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The kernel × test table and one line per kernel, for the build log. */
public final class MatrixSummary {
    private MatrixSummary() {
    }

    public static List<String> table(List<KernelOutcome> outcomes) {
        Set<String> ids = new LinkedHashSet<>();
        outcomes.forEach(o -> o.tests().forEach(t -> ids.add(t.id())));
        int width = Math.max(4, ids.stream().mapToInt(String::length).max().orElse(4));
        List<String> lines = new ArrayList<>();
        StringBuilder head = new StringBuilder(String.format("%-" + width + "s", "test"));
        for (KernelOutcome o : outcomes) {
            head.append(" | ").append(String.format("%-8s", o.image().map(i -> i.id()).orElse(o.spec())));
        }
        lines.add(head.toString());
        lines.add("-".repeat(head.length()));
        for (String id : ids) {
            StringBuilder row = new StringBuilder(String.format("%-" + width + "s", id));
            for (KernelOutcome o : outcomes) {
                String cell = o.tests().stream().filter(t -> t.id().equals(id)).findFirst()
                        .map(t -> t.state() == KernelOutcome.State.PASSED ? "ok" : t.state() == KernelOutcome.State
                                .FAILED ? "FAILED" : "skipped").orElse(o.failure().isPresent() ? "NOT RUN" : "-");
                row.append(" | ").append(String.format("%-8s", cell));
            }
            lines.add(row.toString());
        }
        return lines;
    }

    /** {@code kernel 6.1 (6.1.0-57-amd64, 6.1.192-3, tcg): tests 12, failed 0, skipped 1, wall 41.2 s}. */
    public static String line(KernelOutcome o) {
        return "kernel " + o.label() + ", " + o.accel() + ": tests " + o.tests().size() + ", failed "
                + o.count(KernelOutcome.State.FAILED) + ", skipped " + o.count(KernelOutcome.State.SKIPPED)
                + ", wall " + String.format("%.1f", o.seconds()) + " s"
                + o.failure().map(f -> " — GUEST FAILED: " + f.lines().findFirst().orElse(f)).orElse("");
    }
}
