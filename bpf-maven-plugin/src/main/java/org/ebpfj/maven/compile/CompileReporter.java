package org.ebpfj.maven.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.ebpfj.maven.log.BuildLog;

/**
 * Turns a {@link CompileResult} into build-log lines: one summary, clang's errors and warnings in
 * {@code path:line:column: error: message} form (which IDEs link), and clang's full output at debug level.
 */
public record CompileReporter(BuildLog log, Path baseDirectory) {

    public void report(CompileResult result) {
        List<SourceOutcome> compiled = result.with(SourceOutcome.Status.COMPILED);
        List<SourceOutcome> failed = result.failures();
        List<SourceOutcome> upToDate = result.with(SourceOutcome.Status.UP_TO_DATE);
        int attempted = compiled.size() + failed.size();
        for (Path removed : result.removedObjects()) {
            log.info("Removed " + relative(removed) + " (its source is gone)");
        }
        if (attempted == 0) {
            log.info("All " + upToDate.size() + " BPF objects are up to date, nothing to compile");
            return;
        }
        log.info("Compiled " + attempted + " of " + result.outcomes().size() + " BPF sources ("
                + upToDate.size() + " up to date)" + (failed.isEmpty() ? "" : ", " + failed.size() + " failed"));
        for (SourceOutcome outcome : result.outcomes()) {
            if (outcome.status() == SourceOutcome.Status.UP_TO_DATE) {
                log.debug("  up to date: " + relative(outcome.unit().source()));
                continue;
            }
            log.info("  " + relative(outcome.unit().source()) + " -> " + relative(outcome.unit().object())
                    + " [" + outcome.why() + "]" + (outcome.status() == SourceOutcome.Status.FAILED ? " FAILED" : ""));
            if (log.isDebugEnabled() && !outcome.output().isBlank()) {
                log.debug("clang output for " + relative(outcome.unit().source()) + ":\n" + outcome.output().stripTrailing());
            }
            for (Diagnostic diagnostic : outcome.diagnostics()) {
                switch (diagnostic.kind()) {
                    case ERROR: log.error(diagnostic.renderWithChain()); break;
                    case WARNING: log.warn(diagnostic.renderWithChain()); break;
                    default: log.info(diagnostic.render()); break;
                }
            }
            outcome.advice().ifPresent(advice -> log.error(relative(outcome.unit().source()) + ": " + advice));
            if (outcome.status() == SourceOutcome.Status.FAILED && outcome.count(Diagnostic.Kind.ERROR) == 0) {
                // No parsable message (a crash, a missing library): show what clang said rather than nothing.
                log.error("clang failed on " + outcome.unit().source() + ":\n" + outcome.output().stripTrailing());
            }
        }
    }

    /** The one-paragraph failure message for the build: every failing source and its first error. */
    public String failureMessage(CompileResult result) {
        List<SourceOutcome> failed = result.failures();
        String list = failed.stream().map(outcome -> {
            Path source = outcome.unit().source();
            String first = outcome.firstError().map(d -> d.file().isPresent() ? d.renderFor(source)
                            : source + ": error: " + d.message())
                    .orElse(source + ": clang failed (see the log)");
            return "  " + first + (outcome.count(Diagnostic.Kind.ERROR) > 1
                    ? " (and " + (outcome.count(Diagnostic.Kind.ERROR) - 1) + " more)" : "")
                    + outcome.advice().map(advice -> "\n    -> " + advice).orElse("");
        }).collect(Collectors.joining("\n"));
        return "BPF compilation failed for " + failed.size() + " of " + result.outcomes().size() + " sources:\n" + list;
    }

    private String relative(Path path) {
        return path.startsWith(baseDirectory) ? baseDirectory.relativize(path).toString() : path.toString();
    }
}
