package org.ebpfj.maven.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ebpfj.maven.process.ProcessResult;
import org.ebpfj.maven.process.ProcessRunner;

/**
 * Asks a clang binary who it is and whether it can emit BPF. A clang built without the BPF backend (some
 * distributions trim targets) would otherwise fail later with a confusing "unknown target triple".
 */
public class ClangProbe {

    /** A line of {@code -print-targets} naming the BPF backend, e.g. {@code "    bpf  - BPF (host endian)"}. */
    private static final Pattern BPF_TARGET = Pattern.compile("(?m)^\\s*bpf(el)?\\s+-");

    private final ProcessRunner runner;

    public ClangProbe(ProcessRunner runner) {
        this.runner = runner;
    }

    public ClangProbe() {
        this(new ProcessRunner(60));
    }

    /** The outcome of probing one binary: a version when it runs, and whether it has the BPF target. */
    public record Result(Optional<String> version, boolean targetsBpf, String problem) {

        static Result broken(String problem) {
            return new Result(Optional.empty(), false, problem);
        }

        public boolean usable() {
            return version.isPresent() && targetsBpf;
        }
    }

    public Result probe(Path clang) {
        if (!Files.exists(clang)) {
            return Result.broken("not found");
        }
        if (!Files.isRegularFile(clang) || !Files.isExecutable(clang)) {
            return Result.broken("not an executable file");
        }
        ProcessResult versionRun;
        try {
            versionRun = runner.run(List.of(clang.toString(), "--version"), null);
        } catch (IOException e) {
            return Result.broken("cannot run: " + e.getMessage());
        }
        String firstLine = versionRun.output().lines().findFirst().orElse("").trim();
        if (!versionRun.succeeded() || !firstLine.contains("clang")) {
            return Result.broken("'--version' failed or is not clang: "
                    + abbreviate(versionRun.output().strip()));
        }
        ProcessResult targets;
        try {
            targets = runner.run(List.of(clang.toString(), "-print-targets"), null);
        } catch (IOException e) {
            return Result.broken("cannot run: " + e.getMessage());
        }
        boolean bpf = targets.succeeded() && BPF_TARGET.matcher(targets.output()).find();
        return new Result(Optional.of(firstLine), bpf, bpf ? "" : "built without the BPF target");
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }
}
