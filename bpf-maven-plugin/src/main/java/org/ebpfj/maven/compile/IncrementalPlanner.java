package org.ebpfj.maven.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which sources to compile. A source is rebuilt when it is new, when the flags or clang changed (the
 * fingerprint), when its object is gone, or when any file it read last time (itself or a header) has another
 * stamp now. Objects of sources that disappeared are reported as stale so they can be deleted.
 */
public final class IncrementalPlanner {

    public enum Reason {
        NEW_SOURCE,
        FLAGS_CHANGED,
        OBJECT_MISSING,
        INPUTS_CHANGED,
        UP_TO_DATE;

        /** The reason in words for the build log: {@code new source}, {@code up to date}. */
        public String description() {
            return this == FLAGS_CHANGED ? "compiler or flags changed"
                    : name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** @param changedInputs for {@link Reason#INPUTS_CHANGED}, the files whose stamps differ */
    public record Decision(SourceUnit unit, Reason reason, List<Path> changedInputs) {

        public boolean needsCompile() {
            return reason != Reason.UP_TO_DATE;
        }

        public String explain() {
            if (reason != Reason.INPUTS_CHANGED) {
                return reason.description();
            }
            List<String> names = new ArrayList<>();
            for (Path input : changedInputs) {
                names.add(input.getFileName().toString());
            }
            return "changed: " + String.join(", ", names);
        }
    }

    /** @param staleObjects objects of sources compiled before that no longer exist or are no longer included */
    public record Plan(List<Decision> decisions, List<Path> staleObjects) {

        public List<Decision> toCompile() {
            return decisions.stream().filter(Decision::needsCompile).collect(java.util.stream.Collectors.toList());
        }
    }

    private final Function<Path, Optional<FileStamp>> stat;

    public IncrementalPlanner(Function<Path, Optional<FileStamp>> stat) {
        this.stat = stat;
    }

    public IncrementalPlanner() {
        this(FileStamp::of);
    }

    public Plan plan(List<SourceUnit> units, String fingerprint, BuildState previous) {
        List<Decision> decisions = new ArrayList<>();
        Set<Path> current = new HashSet<>();
        boolean flagsChanged = !fingerprint.equals(previous.fingerprint());
        for (SourceUnit unit : units) {
            current.add(unit.source());
            decisions.add(decide(unit, flagsChanged, previous));
        }
        List<Path> stale = new ArrayList<>();
        previous.entries().forEach((source, entry) -> {
            if (!current.contains(source)) {
                stale.add(entry.object());
            }
        });
        return new Plan(decisions, stale);
    }

    private Decision decide(SourceUnit unit, boolean flagsChanged, BuildState previous) {
        Optional<BuildState.Entry> entry = previous.entry(unit.source());
        if (entry.isEmpty() || !entry.get().object().equals(unit.object())) {
            return new Decision(unit, Reason.NEW_SOURCE, List.of());
        }
        if (flagsChanged) {
            return new Decision(unit, Reason.FLAGS_CHANGED, List.of());
        }
        if (!Files.isRegularFile(unit.object())) {
            return new Decision(unit, Reason.OBJECT_MISSING, List.of());
        }
        List<Path> changed = new ArrayList<>();
        for (FileStamp recorded : entry.get().inputs()) {
            Optional<FileStamp> now = stat.apply(recorded.path());
            if (now.isEmpty() || !now.get().sameAs(recorded)) {
                changed.add(recorded.path());
            }
        }
        if (!changed.isEmpty()) {
            return new Decision(unit, Reason.INPUTS_CHANGED, changed);
        }
        return new Decision(unit, Reason.UP_TO_DATE, List.of());
    }
}
