package org.ebpfj.maven.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ebpfj.maven.headers.BpfHeaders;
import org.ebpfj.maven.headers.SystemHeaderGuard;
import org.ebpfj.maven.log.BuildLog;
import org.ebpfj.maven.toolchain.Clang;
import org.ebpfj.maven.toolchain.ToolchainException;

/**
 * The whole {@code compile} step without Maven: find the sources, provide the BPF headers, get a clang (only
 * when there is something to compile), assemble the flags and compile incrementally.
 */
public final class CompileService {

    /** Where clang comes from; asked only when a project has sources. */
    @FunctionalInterface
    public interface ClangSupplier {
        Clang get() throws ToolchainException;
    }

    private final BuildLog log;
    private final BpfCompiler compiler;

    public CompileService(BuildLog log, BpfCompiler compiler) {
        this.log = log;
        this.compiler = compiler;
    }

    public CompileService(BuildLog log) {
        this(log, new BpfCompiler());
    }

    /** @return empty when the project has no BPF sources (that is not an error) */
    public Optional<CompileResult> compile(CompileConfiguration config, ClangSupplier clangSupplier)
            throws IOException, ToolchainException {
        List<Path> sources = SourceScanner.scan(config.sourceDirectory(), config.includes(), config.excludes());
        if (sources.isEmpty()) {
            log.info("No BPF sources in " + relative(config, config.sourceDirectory()) + " " + config.includes()
                    + ", nothing to compile");
            return Optional.empty();
        }
        Clang clang = clangSupplier.get();
        log.info("Using " + clang.describe());
        CompileFlags flags = flags(config);
        log.info("BPF cpu: " + flags.cpu().map(c -> "-mcpu=" + c).orElse("clang's own default (<cpu>none</cpu>)"));
        log.debug("clang flags: " + String.join(" ", flags.commonArguments()));
        CompileRequest request = new CompileRequest(clang.executable(), clang.identity(), config.baseDirectory(),
                config.sourceDirectory(), sources, config.outputDirectory(), config.workDirectory(), flags,
                config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors());
        CompileResult result = ClangAdvice.annotate(compiler.compile(request), clang, flags.cpu());
        new CompileReporter(log, config.baseDirectory()).report(result);
        return Optional.of(result);
    }

    /**
     * The include order, one rule (see {@link BpfHeaders}): the source folder, the user's folders, the plugin's
     * BPF headers (unless a user folder has its own {@code bpf/bpf_helpers.h}), a generated vmlinux.h, then stubs
     * that stop any {@code <bpf/...>} header of a system libbpf-dev from being used.
     */
    CompileFlags flags(CompileConfiguration config) throws IOException {
        List<Path> includes = new ArrayList<>();
        includes.add(config.sourceDirectory());
        includes.addAll(config.includeDirectories());
        BpfHeaders.Selection headers = BpfHeaders.select(config.includeDirectories(),
                config.preferBundledHeaders(), config.headersDirectory());
        if (headers.includeDirectory().isPresent()) {
            includes.add(new BpfHeaders(log).write(headers.includeDirectory().get(), config.uapiHeader()));
        }
        config.vmlinuxDirectory().filter(Files::isDirectory).ifPresent(includes::add);
        Path guard = config.headersDirectory().resolveSibling(config.headersDirectory().getFileName() + "-guard");
        List<String> shadowed = SystemHeaderGuard.write(config.systemIncludeDirectory(), guard);
        if (!shadowed.isEmpty()) {
            includes.add(guard);
        }
        log.info("BPF headers: " + headers.origin() + " (rule: your <includeDirectories> > the plugin's headers;"
                + " a system libbpf-dev is never used" + (shadowed.isEmpty() ? ")"
                : ": its " + shadowed.size() + " headers in " + config.systemIncludeDirectory().resolve("bpf")
                        + " are shadowed)"));
        List<Path> after = new ArrayList<>();
        config.multiarchTriple().map(config.systemIncludeDirectory()::resolve).filter(Files::isDirectory)
                .ifPresent(after::add);
        return new CompileFlags(config.targetArch(), includes, after, config.defines(), config.cpu(),
                config.defaultFlags(), config.extraFlags(), Optional.of(config.baseDirectory()));
    }

    private static String relative(CompileConfiguration config, Path path) {
        return path.startsWith(config.baseDirectory()) ? config.baseDirectory().relativize(path).toString()
                : path.toString();
    }
}
