package org.ebpfj.vm.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.ebpfj.vm.VmException;
import org.ebpfj.vm.image.KernelImage;

/**
 * Boots one throwaway guest: the kernel with its initramfs, the host's root shared read-only over 9p and one
 * host folder read-write, the console in a file. Never hangs the build: the kernel reboots into QEMU's exit on a
 * panic ({@code panic=-1 -no-reboot}), the guest must reach /init within the boot bound and finish within the
 * run bound, otherwise QEMU is killed and the console's tail is in the error.
 *
 * @param binary    the {@code qemu-system-x86_64} to run
 * @param cpus      the guest's virtual CPUs
 * @param memoryMiB the guest's memory
 */
public record Qemu(Path binary, int cpus, int memoryMiB) {
    static final String BINARY = "qemu-system-x86_64";
    static final String INIT_MARK = "ebpfj-guest: init on ";
    static final int TAIL_LINES = 40;

    /** Finds qemu-system-x86_64 on the PATH; fails saying how to install it. */
    public static Qemu find(int cpus, int memoryMiB) throws VmException {
        String explicit = System.getProperty("ebpfj.vm.qemu");
        if (explicit != null) {
            Path p = Path.of(explicit);
            if (!Files.isExecutable(p)) {
                throw new VmException("QEMU is not installed at " + p + " (-Debpfj.vm.qemu): " + installHint());
            }
            return new Qemu(p, cpus, memoryMiB);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, BINARY);
            if (Files.isExecutable(p)) {
                return new Qemu(p, cpus, memoryMiB);
            }
        }
        throw new VmException(BINARY + " is not on the PATH: " + installHint());
    }

    static String installHint() {
        return "install QEMU to test on other kernels: apt-get install qemu-system-x86 busybox-static "
                + "(Debian/Ubuntu), dnf install qemu-system-x86-core busybox (Fedora)";
    }

    /** The KVM probe: a boot to /init within 30 s under KVM; falls back to TCG with the reason. */
    public Accel probeKvm(Accel candidate, KernelImage kernel, Path workDir) {
        if (!candidate.kvm()) {
            return candidate;
        }
        try {
            Files.createDirectories(workDir);
            Path console = workDir.resolve("kvm-probe-console.log");
            List<String> cmd = command(candidate, kernel, console, "ebpfj.probe=1", Optional.empty());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("kvm-probe-qemu.log").toFile()).start();
            boolean done = p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor();
            }
            String text = Files.exists(console) ? Files.readString(console, StandardCharsets.ISO_8859_1) : "";
            if (text.contains("ebpfj-guest: probe ok")) {
                return new Accel("kvm", candidate.reason() + ", and a probe boot of " + kernel.release()
                        + " reached /init");
            }
            return new Accel("tcg", "TCG: " + candidate.reason() + ", but a probe boot under KVM did not reach /init"
                    + " in 30 s (console in " + console + ")");
        } catch (IOException e) {
            return new Accel("tcg", "TCG: the KVM probe could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Accel("tcg", "TCG: interrupted KVM probe");
        }
    }

    List<String> command(Accel accel, KernelImage kernel, Path console, String extraArgs, Optional<Path> rw) {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-accel", accel.name()));
        if (accel.kvm()) {
            cmd.addAll(List.of("-cpu", "host"));
        }
        cmd.addAll(List.of("-m", memoryMiB + "M", "-smp", Integer.toString(cpus), "-nodefaults", "-no-reboot",
                "-display", "none", "-monitor", "none", "-serial", "file:" + console,
                "-kernel", kernel.kernel().toString(), "-initrd", kernel.initramfs().toString(),
                "-append", "console=ttyS0 panic=-1 oops=panic loglevel=4 no_timer_check tsc=reliable " + extraArgs,
                "-virtfs", "local,path=/,mount_tag=root,security_model=none,readonly=on,multidevs=remap"));
        rw.ifPresent(dir -> cmd.addAll(List.of("-virtfs",
                "local,path=" + dir + ",mount_tag=job,security_model=none,multidevs=remap")));
        return cmd;
    }

    /**
     * Runs {@code jobDir/run.sh} in a guest with {@code rwDir} (which holds {@code jobDir}) writable.
     *
     * @throws VmException when the guest does not boot in {@code boot}, does not finish in {@code run}, or
     *                     ends without the job's exit code (a panic): with the console's tail
     */
    public GuestResult run(Accel accel, KernelImage kernel, Path rwDir, Path jobDir, Duration boot, Duration run,
                           Consumer<String> progress) throws VmException {
        Path console = jobDir.resolve("console.log");
        Path exit = jobDir.resolve("exit-code");
        Path output = jobDir.resolve("output.log");
        try {
            Files.deleteIfExists(exit);
            Files.deleteIfExists(console);
            List<String> cmd = command(accel, kernel, console, "ebpfj.job=" + jobDir + " ebpfj.rw=" + rwDir,
                    Optional.of(rwDir));
            Files.writeString(jobDir.resolve("qemu-command.txt"), String.join(" ", cmd) + "\n");
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(jobDir.resolve("qemu.log").toFile()).start();
            boolean booted = false;
            long lastNote = start;
            while (p.isAlive()) {
                p.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                long now = System.nanoTime();
                Duration elapsed = Duration.ofNanos(now - start);
                if (!booted) {
                    booted = Files.exists(console) && Files.readString(console, StandardCharsets.ISO_8859_1)
                            .contains(INIT_MARK);
                    if (!booted && elapsed.compareTo(boot) > 0) {
                        kill(p);
                        throw failure("kernel " + kernel.release() + " did not reach /init within " + boot.toSeconds()
                                + " s (" + accel.name() + ")", console, jobDir);
                    }
                }
                if (elapsed.compareTo(run) > 0) {
                    kill(p);
                    throw failure("guest " + kernel.release() + " did not finish within " + run.toSeconds()
                            + " s and was stopped (raise the run timeout, or select fewer tests)", console, jobDir);
                }
                if (now - lastNote > 60_000_000_000L) {
                    lastNote = now;
                    progress.accept("  ... kernel " + kernel.id() + " running for " + elapsed.toSeconds() + " s");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!Files.exists(exit)) {
                String qemuLog = Files.readString(jobDir.resolve("qemu.log")).strip();
                throw failure("guest " + kernel.release() + " ended without the job's exit code (kernel panic, or "
                        + "QEMU failed: exit " + p.exitValue() + (qemuLog.isEmpty() ? "" : ", " + qemuLog) + ")",
                        console, jobDir);
            }
            int code = Integer.parseInt(Files.readString(exit).trim());
            return new GuestResult(code, seconds, console, output);
        } catch (IOException e) {
            throw new VmException("cannot start " + binary + ": " + e.getMessage() + "; " + installHint(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VmException("interrupted while kernel " + kernel.id() + " ran", e);
        }
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static VmException failure(String message, Path console, Path jobDir) {
        return new VmException(message + "; console: " + console, tail(console, TAIL_LINES), null);
    }

    /** The last lines of a file, or a note when there is none. */
    public static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file.getFileName() + ")";
            }
            List<String> all = Files.readString(file, StandardCharsets.ISO_8859_1).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
