package org.ebpfj.vm.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.ebpfj.vm.VmException;
import org.ebpfj.vm.guest.Accel;
import org.ebpfj.vm.guest.GuestResult;
import org.ebpfj.vm.guest.Qemu;
import org.ebpfj.vm.image.KernelCache;
import org.ebpfj.vm.image.KernelImage;
import org.ebpfj.vm.image.KernelSpec;

/**
 * Runs a JUnit selection on each kernel, one guest after the other, with the JUnit Platform console launcher in
 * the guest; collects one suffixed report per kernel. A kernel whose guest fails (no boot, panic, timeout) is an
 * outcome with the console's tail, not an exception: the other kernels still run.
 */
public final class MatrixRunner {
    /** C1 only, serial GC, no perf data: about 30% faster under TCG, where JIT time dominates short runs. */
    static final List<String> GUEST_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:-UsePerfData", "-Xshare:auto");

    private final KernelCache cache;
    private final Qemu qemu;
    private final Path launcherJar;
    private final Consumer<String> log;

    public MatrixRunner(KernelCache cache, Qemu qemu, Path launcherJar, Consumer<String> log) {
        this.cache = cache;
        this.qemu = qemu;
        this.launcherJar = launcherJar;
        this.log = log;
    }

    /** The console-standalone jar on this module's class path (it is never loaded here, only passed on). */
    public static Path bundledLauncher() throws VmException {
        try {
            Class<?> c = Class.forName("org.junit.platform.console.ConsoleLauncher", false,
                    MatrixRunner.class.getClassLoader());
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ReflectiveOperationException | java.net.URISyntaxException | NullPointerException e) {
            throw new VmException("junit-platform-console-standalone is not on bpf-vm's class path: " + e);
        }
    }

    public List<KernelOutcome> run(MatrixRequest request) throws VmException {
        List<KernelOutcome> outcomes = new ArrayList<>();
        Accel accel = null;
        for (KernelSpec spec : request.kernels()) {
            KernelImage image;
            try {
                image = cache.prepare(spec);
            } catch (VmException e) {
                throw new VmException("kernel " + spec.id() + ": " + e.getMessage(), e);
            }
            if (accel == null) {
                accel = qemu.probeKvm(Accel.candidate(Path.of("/dev/kvm"), Path.of("/proc/cpuinfo")), image,
                        request.workDir());
                log.accept("Guests run under " + accel.reason());
            }
            outcomes.add(runOne(request, image, accel));
            log.accept(MatrixSummary.line(outcomes.get(outcomes.size() - 1)));
        }
        return outcomes;
    }

    private KernelOutcome runOne(MatrixRequest r, KernelImage image, Accel accel) throws VmException {
        Path job = r.workDir().resolve(image.suffix()).toAbsolutePath().normalize();
        Path raw = job.resolve("reports");
        try {
            KernelCache.class.getName();
            deleteRecursively(raw);
            Files.createDirectories(raw);
            Files.writeString(job.resolve("run.sh"), script(r, raw));
        } catch (IOException e) {
            throw new VmException("cannot write the job for kernel " + image.id() + " in " + job + ": "
                    + e.getMessage(), e);
        }
        log.accept("Kernel " + image.id() + ": booting " + image.release() + " (" + accel.name() + ", "
                + r.cpus() + " CPUs, " + r.memoryMiB() + " MiB)");
        try {
            GuestResult g = qemu.run(accel, image, r.buildDir().toAbsolutePath().normalize(), job,
                    r.bootTimeout(), r.runTimeout(), log);
            List<KernelOutcome.TestCase> tests = JUnitXml.readAndCopy(raw, r.reportsDir(), image.suffix());
            Optional<String> failure = Optional.empty();
            if (tests.isEmpty()) {
                failure = Optional.of("the tests did not run in the guest (exit " + g.exitCode() + "); their output "
                        + g.output() + " ends with:\n" + Qemu.tail(g.output(), 30));
            }
            return new KernelOutcome(image.id(), Optional.of(image), accel.name(), tests, g.seconds(), failure);
        } catch (VmException e) {
            return new KernelOutcome(image.id(), Optional.of(image), accel.name(), List.of(), 0,
                    Optional.of(e.getMessage() + "\n--- console tail ---\n" + e.consoleTail()));
        } catch (IOException e) {
            throw new VmException("cannot read kernel " + image.id() + "'s reports in " + raw + ": "
                    + e.getMessage(), e);
        }
    }

    String script(MatrixRequest r, Path raw) {
        List<String> cmd = new ArrayList<>();
        cmd.add(r.jvm().javaHome().resolve("bin/java").toString());
        cmd.addAll(GUEST_JVM_FLAGS);
        cmd.addAll(r.jvm().jvmArgs());
        for (Map.Entry<String, String> e : r.jvm().systemProperties().entrySet()) {
            cmd.add("-D" + e.getKey() + "=" + e.getValue());
        }
        cmd.addAll(List.of("-jar", launcherJar.toString(), "execute", "--disable-banner", "--details=tree",
                "--disable-ansi-colors", "--class-path", String.join(":", r.jvm().classpath().stream()
                        .map(Path::toString).toList())));
        for (Path d : r.scanDirs()) {
            cmd.addAll(List.of("--scan-class-path", d.toString()));
        }
        for (String tag : r.includeTags()) {
            cmd.addAll(List.of("--include-tag", tag));
        }
        if (r.classNames() != null && !r.classNames().isBlank()) {
            cmd.addAll(List.of("--include-classname", r.classNames()));
        }
        cmd.addAll(List.of("--reports-dir", raw.toString()));
        StringBuilder sb = new StringBuilder("#!/bin/sh\n# written by ebpfj bpf-vm: runs in the guest's chroot\n");
        sb.append("cd ").append(quote(r.jvm().workingDir().toString())).append(" || exit 97\n");
        sb.append("echo \"guest kernel $(uname -r)\"\nexec");
        for (String c : cmd) {
            sb.append(' ').append(quote(c));
        }
        return sb.append('\n').toString();
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
