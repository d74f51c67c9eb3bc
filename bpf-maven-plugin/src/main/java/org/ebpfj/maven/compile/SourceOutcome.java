package org.ebpfj.maven.compile;

import java.util.List;
import java.util.Optional;

/**
 * What happened to one source.
 *
 * @param reason      why it was (or was not) compiled
 * @param diagnostics clang's parsed messages (empty when not compiled)
 * @param output      clang's full output, for the debug log
 * @param advice      for a failure with a known cause (a clang too old for what the source uses, a CPU version
 *                    too low), what to change; see {@link ClangAdvice}
 */
public record SourceOutcome(SourceUnit unit, Status status, IncrementalPlanner.Reason reason, String why,
        List<Diagnostic> diagnostics, String output, Optional<String> advice) {

    public enum Status { COMPILED, UP_TO_DATE, FAILED }

    public SourceOutcome {
        diagnostics = List.copyOf(diagnostics);
    }

    public SourceOutcome(SourceUnit unit, Status status, IncrementalPlanner.Reason reason, String why,
            List<Diagnostic> diagnostics, String output) {
        this(unit, status, reason, why, diagnostics, output, Optional.empty());
    }

    public SourceOutcome withAdvice(Optional<String> text) {
        return new SourceOutcome(unit, status, reason, why, diagnostics, output, text);
    }

    /**
     * The error that names this source first: its first error in the source itself, else its first error at
     * all (inside a header, shown with the include chain), else nothing parsable.
     */
    public Optional<Diagnostic> firstError() {
        Optional<Diagnostic> own = diagnostics.stream()
                .filter(d -> d.kind() == Diagnostic.Kind.ERROR && d.file().filter(unit.source()::equals).isPresent())
                .findFirst();
        return own.isPresent() ? own
                : diagnostics.stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).findFirst();
    }

    public long count(Diagnostic.Kind kind) {
        return diagnostics.stream().filter(d -> d.kind() == kind).count();
    }
}
