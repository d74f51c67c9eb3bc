package org.ebpfj.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.ebpfj.maven.compile.CompileConfiguration;
import org.ebpfj.maven.compile.CompileReporter;
import org.ebpfj.maven.compile.CompileResult;
import org.ebpfj.maven.compile.CompileService;
import org.ebpfj.maven.compile.SourceScanner;
import org.ebpfj.maven.compile.CompileFlags;
import org.ebpfj.maven.toolchain.CachingClangProbe;
import org.ebpfj.maven.toolchain.ClangChoice;
import org.ebpfj.maven.toolchain.EmbeddedLlvm;
import org.ebpfj.maven.toolchain.Platform;
import org.ebpfj.maven.toolchain.ToolchainException;
import org.ebpfj.maven.toolchain.ToolchainResolver;

/**
 * Compiles the project's BPF C sources ({@code src/main/bpf/**}{@code /*.bpf.c}) with clang into BPF objects
 * under {@code target/classes/bpf/}, so they are packaged in the jar and are on the test classpath.
 *
 * <p>clang is the configured one, else the pinned embedded clang ({@code org.bytedeco:llvm}, resolved from the
 * configured repositories and extracted once under the local repository), or with {@code <toolchain>path}
 * clang 14+ from the PATH. Only sources whose inputs (the source, every header it included, the flags, the clang) changed
 * since the last build are compiled, several at once.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class CompileMojo extends AbstractBpfMojo {

    /** Set in the project's context once this goal has run, so the {@code check} goal can tell it ran first. */
    static final String COMPLETED = CompileMojo.class.getName() + ".completed";

    /** The folder holding the BPF C sources. */
    @Parameter(property = "bpf.sourceDirectory", defaultValue = "${project.basedir}/src/main/bpf")
    private File sourceDirectory;

    /** Ant-style patterns, relative to {@code sourceDirectory}, of the sources to compile. Default {@code **}{@code /*.bpf.c}. */
    @Parameter(property = "bpf.includes")
    private List<String> includes;

    /** Ant-style patterns of sources not to compile, even when an include matches. */
    @Parameter(property = "bpf.excludes")
    private List<String> excludes;

    /** Where the objects go: {@code NAME.bpf.c} becomes {@code NAME.bpf.o}, keeping sub-folders. */
    @Parameter(property = "bpf.outputDirectory", defaultValue = "${project.build.outputDirectory}/bpf")
    private File outputDirectory;

    /** Extra header folders ({@code -I}), searched after the source folder, in the order given. */
    @Parameter(property = "bpf.includeDirectories")
    private List<File> includeDirectories;

    /** Preprocessor definitions, {@code NAME} or {@code NAME=VALUE}, passed as {@code -DNAME[=VALUE]}. */
    @Parameter(property = "bpf.defines")
    private List<String> defines;

    /**
     * Flags the plugin passes unless configured otherwise: {@code -O2} (the verifier needs optimized code) and
     * {@code -Werror=implicit-function-declaration} (a call to an undeclared function, such as a macro a header
     * lacks, fails at the call instead of becoming an undefined extern).
     * Setting this list replaces them, e.g. {@code <defaultFlags><flag>-O1</flag></defaultFlags>}.
     */
    @Parameter(property = "bpf.defaultFlags")
    private List<String> defaultFlags;

    /**
     * Extra clang flags, appended after the defaults and {@code -mcpu} (e.g. {@code -Wall}; a {@code -mcpu=} here
     * wins over {@code <cpu>}). The forced flags
     * ({@code -target bpf -g -fno-ident -fdebug-prefix-map=<basedir>=.}) still come last.
     */
    @Parameter(property = "bpf.extraFlags")
    private List<String> extraFlags;

    /**
     * The kernel architecture name for {@code -D__TARGET_ARCH_<arch>} ({@code x86}, {@code arm64}, ...), which
     * {@code bpf_tracing.h} uses to read registers. Derived from the build machine ({@code os.arch}) when not set;
     * set it when building for another architecture. {@code none} passes no definition.
     */
    @Parameter(property = "bpf.targetArch")
    private String targetArch;

    /**
     * A clang to use instead of the embedded one: a path, or a name looked up on the PATH (e.g. {@code clang-14}).
     * When set, it is used or the build fails; nothing else is tried. It must have the BPF target and be clang 14
     * or newer.
     */
    @Parameter(property = "bpf.clang")
    private String clang;

    /**
     * Which clang to use when {@code <clang>} is not set: {@code embedded} (default), the pinned clang of
     * {@code org.bytedeco:llvm}, the same on every machine (the PATH is used only when it cannot be had: another
     * platform, offline before the first download); or {@code path}: {@code clang}, then {@code clang-21} ...
     * {@code clang-14} from the PATH, clang 14 at least.
     */
    @Parameter(property = "bpf.toolchain", defaultValue = "embedded")
    private String toolchain;

    /**
     * The BPF instruction set version passed as {@code -mcpu=} ({@code v1} ... {@code v4}, {@code probe}), or
     * {@code none} for clang's own default. {@code v3} (default) has 32-bit jumps and ALU and atomic
     * fetch-and-add; kernels from 5.1 load it (atomics that return the old value: 5.12). Clang before 20 defaults to
     * v1, on which some sources do not compile at all; passing the version makes every clang emit the same
     * instructions. {@code v4} (kernel 6.6+, clang 18+) adds sign extension and 32-bit jumps of any distance.
     */
    @Parameter(property = "bpf.cpu", defaultValue = CompileFlags.DEFAULT_CPU)
    private String cpu;

    /**
     * The {@code org.bytedeco:llvm} version of the embedded clang, used when no clang is configured or on the PATH.
     * An empty value disables the embedded clang.
     */
    @Parameter(property = "bpf.embeddedLlvmVersion", defaultValue = EmbeddedLlvm.DEFAULT_VERSION)
    private String embeddedLlvmVersion;

    /**
     * Where the embedded clang is extracted (once, shared by all builds using this local repository). Default:
     * {@code <local repository>/.cache/bpf-maven-plugin}.
     */
    @Parameter(property = "bpf.toolchainCache")
    private File toolchainCache;

    /** How many sources to compile at once; 0 means one per available processor. */
    @Parameter(property = "bpf.threads", defaultValue = "0")
    private int threads;

    /** Where the plugin writes its own BPF headers ({@code bpf/bpf_helpers.h} ...), when they are used. */
    @Parameter(property = "bpf.headersDirectory", defaultValue = "${project.build.directory}/bpf-include")
    private File headersDirectory;

    /**
     * A kernel UAPI {@code linux/bpf.h}: when it documents more helpers than the plugin's complete list of 211,
     * {@code bpf_helper_defs.h} is generated from it (helper prototypes and numbers).
     */
    @Parameter(property = "bpf.uapiHeader", defaultValue = "/usr/include/linux/bpf.h")
    private File uapiHeader;

    /**
     * Use the plugin's own BPF headers even when the system has libbpf's ({@code /usr/include/bpf}) or an include
     * folder provides {@code bpf/bpf_helpers.h}.
     */
    @Parameter(property = "bpf.preferBundledHeaders", defaultValue = "false")
    private boolean preferBundledHeaders;

    /** The folder of a generated {@code vmlinux.h} (the {@code vmlinux} goal's output); added when it exists. */
    @Parameter(property = "bpf.vmlinuxDirectory", defaultValue = "${project.build.directory}/generated-sources/vmlinux")
    private File vmlinuxDirectory;

    /**
     * The system header root: libbpf's headers are looked for in its {@code bpf/} folder, and its multiarch folder
     * (e.g. {@code x86_64-linux-gnu}, holding {@code asm/types.h}) is searched last ({@code -idirafter}).
     */
    @Parameter(property = "bpf.systemIncludeDirectory", defaultValue = "/usr/include")
    private File systemIncludeDirectory;

    /** Where dependency files and the incremental-build state are kept (one folder per execution). */
    @Parameter(property = "bpf.workDirectory", defaultValue = "${project.build.directory}/bpf-maven-plugin/${mojoExecution.executionId}")
    private File workDirectory;

    @Component
    private RepositorySystem repositorySystem;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Platform platform = Platform.current();
        CompileConfiguration config = new CompileConfiguration(
                project.getBasedir().toPath(),
                sourceDirectory.toPath(),
                nonEmpty(includes).orElse(SourceScanner.DEFAULT_INCLUDES),
                orEmpty(excludes),
                outputDirectory.toPath(),
                workDirectory.toPath(),
                orEmpty(includeDirectories).stream().map(File::toPath).collect(Collectors.toList()),
                orEmpty(defines),
                cpu == null || cpu.isBlank() || cpu.trim().equals("none") ? Optional.empty() : Optional.of(cpu.trim()),
                orEmpty(defaultFlags),
                orEmpty(extraFlags),
                targetArch(platform),
                headersDirectory.toPath(),
                uapiHeader.toPath(),
                preferBundledHeaders,
                Optional.ofNullable(vmlinuxDirectory).map(File::toPath),
                systemIncludeDirectory.toPath(),
                platform.multiarchTriple(),
                threads);
        ClangChoice choice;
        try {
            choice = ClangChoice.parse(toolchain);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Optional<CompileResult> result;
        try {
            result = new CompileService(buildLog()).compile(config, () -> toolchainResolver(platform)
                    .resolve(Optional.ofNullable(clang), choice));
        } catch (ToolchainException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("BPF compilation could not run: " + e.getMessage(), e);
        }
        if (result.isPresent() && !result.get().succeeded()) {
            throw new MojoFailureException(
                    new CompileReporter(buildLog(), project.getBasedir().toPath()).failureMessage(result.get()));
        }
        project.setContextValue(COMPLETED, Boolean.TRUE);
    }

    private ToolchainResolver toolchainResolver(Platform platform) {
        Path cache = toolchainCache != null ? toolchainCache.toPath()
                : session.getRepositorySession().getLocalRepository().getBasedir().toPath()
                        .resolve(".cache").resolve("bpf-maven-plugin");
        MavenArtifactFetcher fetcher = new MavenArtifactFetcher(repositorySystem, session.getRepositorySession(),
                project.getRemoteProjectRepositories(), buildLog());
        // Probe results are kept beside the embedded clang, so a build with nothing to compile runs no clang.
        CachingClangProbe probe = new CachingClangProbe(cache.resolve("clang-probes.tsv"));
        return new ToolchainResolver(probe, platform, System.getenv("PATH"), fetcher, cache, embeddedLlvmVersion,
                buildLog());
    }

    private Optional<String> targetArch(Platform platform) throws MojoExecutionException {
        if (targetArch != null && !targetArch.isBlank()) {
            return targetArch.equals("none") ? Optional.empty() : Optional.of(targetArch.trim());
        }
        Optional<String> derived = platform.kernelArch();
        if (derived.isEmpty()) {
            getLog().warn("Unknown architecture " + platform.osArch() + ": no -D__TARGET_ARCH_ definition;"
                    + " set <targetArch> if your sources use bpf_tracing.h");
        }
        return derived;
    }

    private static Optional<List<String>> nonEmpty(List<String> list) {
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list);
    }
}
