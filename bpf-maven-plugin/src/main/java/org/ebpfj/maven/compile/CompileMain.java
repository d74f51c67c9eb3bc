package org.ebpfj.maven.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ebpfj.maven.log.BuildLog;
import org.ebpfj.maven.toolchain.Clang;
import org.ebpfj.maven.toolchain.ClangProbe;
import org.ebpfj.maven.toolchain.Platform;

/**
 * The compile service without Maven, for benchmarks and quick experiments:
 * <pre>
 * java -cp bpf-maven-plugin.jar org.ebpfj.maven.compile.CompileMain \
 *     --clang /path/to/clang --sources DIR --output DIR [--base DIR] [--work DIR] [--threads N] [-I DIR]...
 *     [--bundled-headers] [--cpu v3|none]
 * </pre>
 * It uses the same flags, headers and incremental state as the {@code compile} goal. {@code --base} plays the
 * project folder (clang's working folder, mapped to "." in debug info; default: the current folder), {@code --work}
 * the plugin's work folder (default {@code <base>/target/bpf-work}). Exit status 1 when a source fails, 2 for bad
 * arguments.
 */
public final class CompileMain {

    private CompileMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, BuildLog.toStandardError()));
    }

    public static int run(String[] args, BuildLog log) throws Exception {
        Path clangPath = null;
        Path sources = null;
        Path output = null;
        Path work = null;
        Path baseArg = null;
        int threads = 0;
        boolean bundled = false;
        Optional<String> cpu = Optional.of(CompileFlags.DEFAULT_CPU);
        List<Path> includes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--clang": clangPath = Path.of(value); i++; break;
                case "--sources": sources = Path.of(value); i++; break;
                case "--output": output = Path.of(value); i++; break;
                case "--work": work = Path.of(value); i++; break;
                case "--base": baseArg = Path.of(value); i++; break;
                case "--threads": threads = Integer.parseInt(value); i++; break;
                case "-I": includes.add(Path.of(value)); i++; break;
                case "--bundled-headers": bundled = true; break;
                case "--cpu": cpu = value.equals("none") ? Optional.empty() : Optional.of(value); i++; break;
                default:
                    log.error("unknown argument " + args[i]);
                    return 2;
            }
        }
        if (clangPath == null || sources == null || output == null) {
            log.error("usage: --clang CLANG --sources DIR --output DIR [--base DIR] [--work DIR] [--threads N] [-I DIR]..."
                    + " [--bundled-headers] [--cpu v3|none]");
            return 2;
        }
        Path base = (baseArg != null ? baseArg : Path.of("")).toAbsolutePath().normalize();
        Path workDir = (work != null ? work : base.resolve("target/bpf-work")).toAbsolutePath();
        Platform platform = Platform.current();
        CompileConfiguration config = new CompileConfiguration(base, sources.toAbsolutePath().normalize(),
                SourceScanner.DEFAULT_INCLUDES, List.of(),
                output.toAbsolutePath(), workDir, includes, List.of(), cpu, List.of(), List.of(), platform.kernelArch(),
                workDir.resolve("include"), Path.of("/usr/include/linux/bpf.h"), bundled, Optional.empty(),
                Path.of("/usr/include"), platform.multiarchTriple(), threads);
        Path clang = clangPath;
        ClangProbe.Result probe = new ClangProbe().probe(clang);
        if (!probe.usable()) {
            log.error(clang + ": " + probe.problem());
            return 2;
        }
        Optional<CompileResult> result = new CompileService(log).compile(config,
                () -> new Clang(clang, probe.version().orElseThrow(), "--clang"));
        return result.map(r -> r.succeeded() ? 0 : 1).orElse(0);
    }
}
