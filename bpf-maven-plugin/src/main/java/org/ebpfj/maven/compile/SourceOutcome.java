package org.ebpfj.maven.compile;

import java.util.List;

/**
 * What happened to one source.
 *
 * @param reason      why it was (or was not) compiled
 * @param diagnostics clang's parsed messages (empty when not compiled)
 * @param output      clang's full output, for the debug log
 */
public record SourceOutcome(SourceUnit unit, Status status, IncrementalPlanner.Reason reason, String why,
        List<Diagnostic> diagnostics, String output) {

    public enum Status { COMPILED, UP_TO_DATE, FAILED }

    public SourceOutcome {
        diagnostics = List.copyOf(diagnostics);
    }

    public long count(Diagnostic.Kind kind) {
        return diagnostics.stream().filter(d -> d.kind() == kind).count();
    }
}
