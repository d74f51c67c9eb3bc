package org.ebpfj.maven.kernels;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.ebpfj.maven.log.BuildLog;
import org.ebpfj.vm.VmException;
import org.ebpfj.vm.guest.Qemu;
import org.ebpfj.vm.image.KernelCache;
import org.ebpfj.vm.image.KernelSpec;
import org.ebpfj.vm.matrix.KernelOutcome;
import org.ebpfj.vm.matrix.GuestJvm;
import org.ebpfj.vm.matrix.MatrixRequest;
import org.ebpfj.vm.matrix.MatrixRunner;
import org.ebpfj.vm.matrix.MatrixSummary;

/** The {@code kernel-test} goal without Maven's types: builds the request, runs it, logs, decides the build. */
public final class KernelTestRun {
    private final BuildLog log;
    private final String kernels;
    private final Path javaHome;
    private final List<String> classpath;
    private final Path testClasses;
    private final String groups;
    private final String tests;
    private final Map<String, String> props;
    private final List<String> jvmArgs;
    private final Path baseDir;
    private final Path buildDir;
    private final Duration boot;
    private final Duration run;
    private final int cpus;
    private final int memoryMiB;
    private final Path cache;

    public KernelTestRun(BuildLog log, String kernels, Path javaHome, List<String> classpath, Path testClasses,
                         String groups, String tests, Map<String, String> props, List<String> jvmArgs, Path baseDir,
                         Path buildDir, Duration boot, Duration run, int cpus, int memoryMiB, Path cache) {
        this.log = log;
        this.kernels = kernels;
        this.javaHome = javaHome;
        this.classpath = classpath;
        this.testClasses = testClasses;
        this.groups = groups;
        this.tests = tests;
        this.props = props;
        this.jvmArgs = jvmArgs;
        this.baseDir = baseDir;
        this.buildDir = buildDir;
        this.boot = boot;
        this.run = run;
        this.cpus = cpus;
        this.memoryMiB = memoryMiB;
        this.cache = cache;
    }

    public void execute() throws MojoExecutionException, MojoFailureException {
        List<KernelSpec> specs;
        try {
            specs = KernelSpec.parseList(kernels);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<kernels>: " + e.getMessage());
        }
        List<String> tags = groups == null || groups.isBlank() ? List.of() : List.of(groups.trim().split("[,\\s]+"));
        MatrixRequest request = new MatrixRequest(specs,
                new GuestJvm(javaHome, TestClasspath.forGuest(classpath), props, jvmArgs, baseDir),
                List.of(testClasses), tags, tests == null ? "" : tests, buildDir, boot, run, cpus, memoryMiB);
        List<KernelOutcome> outcomes;
        try {
            Qemu qemu = Qemu.find(cpus, memoryMiB);
            log.info("Kernel matrix: " + specs.stream().map(KernelSpec::id).toList() + ", tests "
                    + (tags.isEmpty() ? "all" : "tagged " + tags) + ", JDK " + javaHome + ", kernel cache " + cache);
            outcomes = new MatrixRunner(new KernelCache(cache, log::info), qemu, MatrixRunner.bundledLauncher(),
                    log::info).run(request);
        } catch (VmException e) {
            String tail = e.consoleTail().isEmpty() ? "" : "\n--- guest console tail ---\n" + e.consoleTail();
            throw new MojoExecutionException(e.getMessage() + tail, e);
        }
        log.info("Kernel x test:");
        MatrixSummary.table(outcomes).forEach(l -> log.info("  " + l));
        List<String> failures = new ArrayList<>();
        for (KernelOutcome o : outcomes) {
            o.failure().ifPresent(f -> {
                log.error("kernel " + o.label() + ": " + f);
                failures.add("kernel " + o.label() + ": the guest failed (" + f.lines().findFirst().orElse("") + ")");
            });
            for (KernelOutcome.TestCase t : o.tests()) {
                if (t.state() == KernelOutcome.State.FAILED) {
                    log.error("FAILED on kernel " + o.label() + ": " + t.id() + ": " + t.message());
                    failures.add("kernel " + o.label() + ": " + t.id());
                }
            }
        }
        outcomes.forEach(o -> log.info(MatrixSummary.line(o)));
        if (!failures.isEmpty()) {
            throw new MojoFailureException("kernel matrix failed (" + failures.size() + "):\n  "
                    + String.join("\n  ", failures) + "\nreports: " + request.reportsDir() + ", consoles: "
                    + request.workDir());
        }
    }
}
