package org.ebpfj.maven;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.ebpfj.maven.kernels.KernelTestRun;
import org.ebpfj.vm.image.KernelCache;

/**
 * Runs the project's tests (a JUnit tag, or all) on other kernels, each in a throwaway QEMU guest: one Surefire-style
 * report per kernel ({@code target/surefire-reports/TEST-junit-jupiter-kernel-6.1.xml}), a kernel × test table in
 * the log, and a failed build when any kernel fails. Nothing runs unless kernels are named, so one execution in the
 * pom serves every CI job: {@code mvn verify -Dbpf.kernels=5.10,6.12}, or one kernel per job.
 *
 * <p>A kernel is a series ({@code 6.1}: the newest Debian package, its signature and checksums verified as apt
 * verifies them), an exact version ({@code 6.1.192-3}) or {@code local:/boot/vmlinuz-X[:MODULES_DIR]}. Kernels are
 * prepared once into {@code ~/.cache/ebpfj/kernels}. Guests use KVM when it works, TCG otherwise (about 15× slower
 * for the JVM): select the tests that need other kernels with a tag.
 */
@Mojo(name = "kernel-test", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class KernelTestMojo extends AbstractBpfMojo {

    /** The kernels, comma-separated: {@code 5.10,6.1,6.12}, {@code 6.1.192-3}, {@code local:/boot/vmlinuz-6.8.0}. */
    @Parameter(property = "bpf.kernels")
    private String kernels;

    /** JUnit tags to run in the guests ({@code kernel-matrix}); empty runs every test. */
    @Parameter(property = "bpf.kernels.groups")
    private String groups;

    /** A class-name regular expression narrowing the tests ({@code .*MapCreateTest}); empty for all. */
    @Parameter(property = "bpf.kernels.tests")
    private String tests;

    /** System properties for the guest's JVM, as Surefire's {@code systemPropertyVariables}. */
    @Parameter
    private Map<String, String> systemPropertyVariables;

    /** More JVM options for the guest ({@code --enable-native-access=ALL-UNNAMED} is always given). */
    @Parameter(property = "bpf.kernels.argLine")
    private String argLine;

    /** The JDK the guest runs; default: the build's JDK toolchain, else the JDK running Maven. */
    @Parameter(property = "bpf.kernels.jdk")
    private File jdk;

    /** Seconds a guest may take to reach its init. */
    @Parameter(property = "bpf.kernels.bootTimeout", defaultValue = "120")
    private int bootTimeout;

    /** Seconds one guest may run in all; it is stopped after that and the kernel fails. */
    @Parameter(property = "bpf.kernels.runTimeout", defaultValue = "1800")
    private int runTimeout;

    @Parameter(property = "bpf.kernels.cpus", defaultValue = "2")
    private int cpus;

    @Parameter(property = "bpf.kernels.memoryMiB", defaultValue = "2048")
    private int memoryMiB;

    /** Where kernels are prepared; default {@code ~/.cache/ebpfj/kernels} ({@code $EBPFJ_KERNEL_CACHE}). */
    @Parameter(property = "bpf.kernels.cache")
    private File cache;

    /** Passed to the guest as {@code bpf.test.strict}: kernel tests fail instead of skipping. */
    @Parameter(property = org.ebpfj.object.machine.StrictMode.PROPERTY, defaultValue = "false")
    private boolean strict;

    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    @Parameter(property = "bpf.kernels.skip", defaultValue = "false")
    private boolean skipKernels;

    @Component
    private ToolchainManager toolchains;

    @Override
    protected Optional<String> skippedBy() {
        if (skipKernels) {
            return Optional.of("bpf.kernels.skip");
        }
        return skipTests ? Optional.of("skipTests") : Optional.empty();
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (kernels == null || kernels.isBlank()) {
            buildLog().info("No kernels named: set -Dbpf.kernels=5.10,6.12 (or <kernels>) to run the tests in guests");
            return;
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put(org.ebpfj.object.machine.StrictMode.PROPERTY, Boolean.toString(strict));
        if (systemPropertyVariables != null) {
            props.putAll(systemPropertyVariables);
        }
        List<String> jvmArgs = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
        if (argLine != null && !argLine.isBlank()) {
            jvmArgs.addAll(List.of(argLine.trim().split("\\s+")));
        }
        List<String> classpath;
        try {
            classpath = project.getTestClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the test class path is not resolved: " + e.getMessage(), e);
        }
        Path build = Path.of(project.getBuild().getDirectory()).toAbsolutePath();
        KernelTestRun run = new KernelTestRun(buildLog(), kernels, javaHome(), classpath,
                Path.of(project.getBuild().getTestOutputDirectory()), groups, tests, props, jvmArgs,
                project.getBasedir().toPath(), build, Duration.ofSeconds(bootTimeout), Duration.ofSeconds(runTimeout),
                cpus, memoryMiB, cache != null ? cache.toPath() : KernelCache.defaultRoot());
        run.execute();
    }

    /** The toolchain's JDK (the example selects a 22+ one for FFM), else Maven's own. */
    private Path javaHome() {
        if (jdk != null) {
            return jdk.toPath();
        }
        Toolchain tc = toolchains == null ? null : toolchains.getToolchainFromBuildContext("jdk", session);
        if (tc != null && tc.findTool("java") != null) {
            return Path.of(tc.findTool("java")).getParent().getParent();
        }
        return Path.of(System.getProperty("java.home"));
    }
}
