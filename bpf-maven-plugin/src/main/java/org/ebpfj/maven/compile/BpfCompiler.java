package org.ebpfj.maven.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ebpfj.maven.process.ProcessResult;
import org.ebpfj.maven.process.ProcessRunner;

/**
 * Compiles BPF sources with clang: only those whose inputs changed, several at once, recording for each the
 * files clang read so that the next run can skip it. Holds no Maven types; {@link CompileMain} and the
 * {@code compile} mojo both drive it.
 */
public final class BpfCompiler {

    private final ProcessRunner runner = new ProcessRunner();
    private final IncrementalPlanner planner = new IncrementalPlanner();

    /** Fingerprint of everything that is the same for all sources: a change rebuilds all of them. */
    public static String fingerprint(CompileRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.clangIdentity().getBytes(StandardCharsets.UTF_8));
            for (String arg : request.flags().commonArguments()) {
                digest.update((byte) 0);
                digest.update(arg.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    public CompileResult compile(CompileRequest request) throws IOException {
        BuildState previous = BuildState.read(request.stateFile(), request.workingDirectory());
        String fingerprint = fingerprint(request);
        IncrementalPlanner.Plan plan = planner.plan(request.units(), fingerprint, previous);

        List<Path> removed = new ArrayList<>();
        for (Path stale : plan.staleObjects()) {
            // Only ever an object inside this build's output folder, whatever a state file claims.
            if (stale.normalize().startsWith(request.outputDirectory()) && Files.deleteIfExists(stale)) {
                removed.add(stale);
            }
        }

        Map<SourceUnit, SourceOutcome> outcomes = new LinkedHashMap<>();
        Map<Path, BuildState.Entry> entries = new LinkedHashMap<>();
        List<IncrementalPlanner.Decision> toCompile = new ArrayList<>();
        for (IncrementalPlanner.Decision decision : plan.decisions()) {
            if (decision.needsCompile()) {
                toCompile.add(decision);
            } else {
                outcomes.put(decision.unit(), new SourceOutcome(decision.unit(), SourceOutcome.Status.UP_TO_DATE,
                        decision.reason(), decision.explain(), List.of(), ""));
                previous.entry(decision.unit().source()).ifPresent(e -> entries.put(decision.unit().source(), e));
            }
        }

        Map<SourceUnit, Future<Compiled>> running = new LinkedHashMap<>();
        if (!toCompile.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.threads(), toCompile.size()));
            try {
                for (IncrementalPlanner.Decision decision : toCompile) {
                    running.put(decision.unit(), pool.submit(() -> compileOne(request, decision.unit())));
                }
                for (IncrementalPlanner.Decision decision : toCompile) {
                    Compiled compiled = await(running.get(decision.unit()));
                    SourceUnit unit = decision.unit();
                    outcomes.put(unit, new SourceOutcome(unit, compiled.status(), decision.reason(),
                            decision.explain(), DiagnosticParser.parse(compiled.output()), compiled.output()));
                    compiled.entry().ifPresent(e -> entries.put(unit.source(), e));
                }
            } finally {
                pool.shutdownNow();
            }
        }

        new BuildState(fingerprint, entries).write(request.stateFile(), request.workingDirectory());
        List<SourceOutcome> ordered = new ArrayList<>();
        for (SourceUnit unit : request.units()) {
            ordered.add(outcomes.get(unit));
        }
        return new CompileResult(ordered, removed);
    }

    private record Compiled(SourceOutcome.Status status, String output, Optional<BuildState.Entry> entry) {
    }

    private Compiled compileOne(CompileRequest request, SourceUnit unit) throws IOException {
        Files.createDirectories(unit.object().getParent());
        Files.createDirectories(unit.dependencyFile().getParent());
        Files.deleteIfExists(unit.dependencyFile());
        long started = System.currentTimeMillis();
        List<String> command = request.flags().command(request.clang(), unit.source(), unit.object(),
                unit.dependencyFile());
        ProcessResult result = runner.run(command, request.workingDirectory());
        if (!result.succeeded() || !Files.isRegularFile(unit.object())) {
            Files.deleteIfExists(unit.object()); // never leave an object that does not match its source
            String output = result.succeeded() ? result.output() + "\nclang wrote no object " + unit.object()
                    : result.output();
            return new Compiled(SourceOutcome.Status.FAILED, output, Optional.empty());
        }
        return new Compiled(SourceOutcome.Status.COMPILED, result.output(),
                Optional.of(new BuildState.Entry(unit.object(), stampInputs(unit, request.workingDirectory(), started))));
    }

    /**
     * Stamps the source and every file clang listed. A file modified after clang started may have been read
     * in either version, so it gets a stamp that never matches and the next build compiles again.
     */
    private static List<FileStamp> stampInputs(SourceUnit unit, Path workingDirectory, long started) throws IOException {
        Set<Path> inputs = new LinkedHashSet<>();
        inputs.add(unit.source());
        if (Files.isRegularFile(unit.dependencyFile())) {
            String content = Files.readString(unit.dependencyFile(), StandardCharsets.UTF_8);
            for (Path dep : DependencyFile.parsePrerequisites(content)) {
                // Relative names in the file are relative to where clang ran.
                inputs.add(dep.isAbsolute() ? dep.normalize() : workingDirectory.resolve(dep).normalize());
            }
        }
        List<FileStamp> stamps = new ArrayList<>();
        for (Path input : inputs) {
            FileStamp stamp = FileStamp.of(input).orElse(FileStamp.unknown(input));
            stamps.add(stamp.modifiedMillis() > started ? FileStamp.unknown(input) : stamp);
        }
        return stamps;
    }

    private static Compiled await(Future<Compiled> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            throw new IOException("compilation failed unexpectedly: " + cause, cause);
        }
    }
}
