package org.ebpfj.maven.check;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ebpfj.maven.compile.SourceScanner;
import org.ebpfj.maven.io.AtomicFiles;
import org.ebpfj.maven.log.BuildLog;
import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.report.MapsReport;
import org.ebpfj.object.rules.MapReport;
import org.ebpfj.object.rules.MapRuleEngine;
import org.ebpfj.object.rules.RuleHistory;
import org.ebpfj.object.rules.Severity;
import org.ebpfj.object.rules.TargetVerdicts;
import org.ebpfj.object.rules.Violation;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.ObjectSpecReader;
import org.ebpfj.object.machine.KernelProfile;

/**
 * The whole {@code check} step without Maven: read every object of a folder, predict what the kernel answers for
 * each map definition, log each finding where IDEs link it ({@code /abs/path/x.bpf.c:12: error: [rule] map 'NAME'
 * (TYPE): ... (kernel: EINVAL)}), and write the maps report. An object that cannot be read is an error line too;
 * the others are still checked.
 */
public final class CheckService {

    /** Larger files are no BPF object (clang's largest are a few MB); reading them would only exhaust the heap. */
    private static final long MAX_OBJECT_BYTES = 1L << 30;

    private final BuildLog log;
    private List<KernelProfile> targets = List.of();

    public CheckService(BuildLog log) {
        this.log = log;
    }

    public CheckResult check(CheckConfiguration config) throws IOException {
        ProjectLocations locations = new ProjectLocations(config.baseDirectory());
        List<Path> files = SourceScanner.scan(config.objectsDirectory(), config.includes(), config.excludes());
        if (files.isEmpty()) {
            log.info("No BPF objects in " + locations.relative(config.objectsDirectory()) + " " + config.includes()
                    + ", nothing to check");
            if (config.report().isPresent() && Files.deleteIfExists(config.report().get())) {
                log.info("Removed " + locations.relative(config.report().get()) + " (no objects)");
            }
            return CheckResult.nothingChecked();
        }
        log.info("Checking BPF maps for " + config.profile());
        config.profile().notes().forEach(note -> log.debug("  profile: " + note));
        MapRuleEngine engine = new MapRuleEngine(config.profile(), config.options());
        targets = config.targets();
        if (!targets.isEmpty()) {
            log.info("Target kernels: " + targets.stream().map(t -> t.version().toString()).toList()
                    + (targets.stream().anyMatch(t -> RuleHistory.chargesMemlock(t.version()))
                    ? " (before " + RuleHistory.MEMCG_ACCOUNTING + " map memory is charged to RLIMIT_MEMLOCK: "
                    + "the loader must raise it, as libbpf 1.0+ and @BpfTest do)" : ""));
        }
        Tally tally = new Tally(locations);
        List<MapsReport.Entry> entries = new ArrayList<>();
        for (Path file : files) {
            checkOne(file, engine, tally).ifPresent(entries::add);
        }
        CheckResult result = new CheckResult(files.size(), tally.maps, tally.findings);
        log.info("Checked " + CheckResult.count(tally.maps, "map") + " in " + CheckResult.count(files.size(), "object")
                + ": " + CheckResult.count(result.errors().size(), "error") + ", "
                + CheckResult.count(result.warnings().size(), "warning"));
        if (config.report().isPresent()) {
            Path report = config.report().get();
            boolean written = AtomicFiles.writeIfChanged(report,
                    (MapsReport.toJson(entries) + "\n").getBytes(StandardCharsets.UTF_8));
            log.info((written ? "Wrote " : "Unchanged: ") + locations.relative(report));
        }
        return result;
    }

    /** Logs one object's findings; empty when it cannot be read (that is an error line of its own). */
    private Optional<MapsReport.Entry> checkOne(Path file, MapRuleEngine engine, Tally tally) {
        String name = tally.locations.relative(file);
        ObjectSpec object;
        try {
            object = read(file, name);
        } catch (UnreadableObjectException e) {
            tally.unreadable(file, e.getMessage());
            return Optional.empty();
        }
        tally.maps += object.maps().size();
        engine.problems(object).forEach(tally::add);
        List<MapReport> reports = engine.reports(object);
        List<TargetVerdicts> verdicts = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            MapReport report = reports.get(i);
            if (targets.isEmpty()) {
                report.violations().forEach(tally::add);
            } else {
                // One error naming every target's answer replaces the single-kernel error.
                TargetVerdicts t = TargetVerdicts.of(object.maps().get(i), targets, engine.options());
                verdicts.add(t);
                report.violations().stream().filter(v -> v.severity() != Severity.ERROR).forEach(tally::add);
                t.toViolation().ifPresent(tally::add);
                log.info("  map '" + report.spec().name() + "' (" + report.spec().typeName() + "): " + t.summary());
            }
            log.debug("  " + name + ": " + report.spec() + ": kernel "
                    + report.prediction().map(Object::toString).orElse("not asked (type left to user space)")
                    + report.memory().map(m -> ", " + m.describe()).orElse(""));
        }
        return Optional.of(new MapsReport.Entry(object, reports, verdicts));
    }

    /** Logs findings at their severity's level and keeps them, in order. */
    private final class Tally {
        final ProjectLocations locations;
        final List<CheckResult.Finding> findings = new ArrayList<>();
        int maps;

        Tally(ProjectLocations locations) {
            this.locations = locations;
        }

        void add(Violation v) {
            Violation placed = locations.resolve(v);
            add(new CheckResult.RuleFinding(placed));
        }

        void unreadable(Path file, String reason) {
            add(new CheckResult.UnreadableObject(file.toAbsolutePath().normalize(), reason));
        }

        private void add(CheckResult.Finding f) {
            findings.add(f);
            String line = CheckResult.line(f);
            switch (f.severity()) {
                case ERROR -> log.error(line);
                case WARNING -> log.warn(line);
                default -> log.info(line);
            }
        }
    }

    private ObjectSpec read(Path file, String name) throws UnreadableObjectException {
        try {
            long size = Files.size(file);
            if (size > MAX_OBJECT_BYTES) {
                throw new UnreadableObjectException("not a BPF object: " + size + " bytes is far larger than any"
                        + " object clang writes");
            }
            return ObjectSpecReader.read(Files.readAllBytes(file), name);
        } catch (IOException e) {
            throw new UnreadableObjectException("cannot read the file: " + e);
        } catch (ObjectFormatException e) {
            throw new UnreadableObjectException("not a readable BPF object: " + reason(e, name));
        } catch (RuntimeException e) {
            // The reader promises checked exceptions only; should it break that promise, the build still gets
            // one line naming the file rather than a stack trace, and the trace goes to the debug log.
            log.debug("bpf-object failed on " + file + ": " + stackTrace(e));
            throw new UnreadableObjectException("bpf-object could not read this object (" + e
                    + "); please report it with the file");
        }
    }

    /** The reader names the file first in its messages; the log line already starts with it. */
    static String reason(ObjectFormatException e, String name) {
        String message = e.getMessage();
        if (!e.part().equals(name)) {
            return message;
        }
        String prefix = e.offset() >= 0 ? name + " at offset " + e.offset() + ": " : name + ": ";
        if (!message.startsWith(prefix)) {
            return message;
        }
        return message.substring(prefix.length()) + (e.offset() >= 0 ? " (at byte " + e.offset() + ")" : "");
    }

    private static String stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** Why one object could not be checked; its message follows {@code <file>: error: } in the log. */
    static final class UnreadableObjectException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableObjectException(String message) {
            super(message);
        }
    }
}
