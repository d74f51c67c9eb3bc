package org.ebpfj.maven.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The outcome of a compilation run, one entry per source in source order, plus the stale objects removed. */
public record CompileResult(List<SourceOutcome> outcomes, List<Path> removedObjects) {

    public CompileResult {
        outcomes = List.copyOf(outcomes);
        removedObjects = List.copyOf(removedObjects);
    }

    public List<SourceOutcome> with(SourceOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).collect(Collectors.toList());
    }

    public List<SourceOutcome> failures() {
        return with(SourceOutcome.Status.FAILED);
    }

    public boolean succeeded() {
        return failures().isEmpty();
    }
}
