package org.ebpfj.vm.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.ebpfj.vm.VmException;
import org.ebpfj.vm.image.KernelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the launcher ends guests that go wrong. QEMU is replaced by a script that behaves like a guest that panics,
 * hangs before init, or hangs after it: what is tested is the launcher's bounds and messages, not QEMU.
 */
class QemuFailureTest {
    @TempDir
    Path dir;

    /** A stand-in QEMU: writes {@code console} to the -serial file, then runs {@code then}. */
    private Qemu fake(String console, String then) throws Exception {
        Path script = dir.resolve("fake-qemu");
        Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in file:*) out=${a#file:};; esac; done\n"
                + "printf '" + console + "' > \"$out\"\n" + then + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new Qemu(script, 1, 256);
    }

    private KernelImage kernel() {
        return new KernelImage("5.10", "5.10.0-46-amd64", "5.10.262-1", dir.resolve("vmlinux"),
                dir.resolve("initramfs.gz"));
    }

    private Path job() throws Exception {
        return Files.createDirectories(dir.resolve("target/bpf-vm/kernel-5.10"));
    }

    @Test
    void aPanickingGuestFailsWithTheConsoleTail() throws Exception {
        Qemu qemu = fake("ebpfj-guest: init on 5.10\\nKernel panic - not syncing: Attempted to kill init!\\n", "exit 0");

        assertThatThrownBy(() -> qemu.run(new Accel("tcg", "test"), kernel(), dir.resolve("target"), job(),
                Duration.ofSeconds(10), Duration.ofSeconds(20), s -> { }))
                .isInstanceOf(VmException.class)
                .hasMessageContaining("ended without the job's exit code (kernel panic")
                .satisfies(e -> assertThat(((VmException) e).consoleTail())
                        .contains("Kernel panic - not syncing: Attempted to kill init!"));
    }

    @Test
    void aGuestThatNeverReachesInitIsStoppedAtTheBootBound() throws Exception {
        Qemu qemu = fake("SeaBIOS\\nBooting from ROM...\\n", "exec sleep 600");
        long start = System.nanoTime();

        assertThatThrownBy(() -> qemu.run(new Accel("tcg", "test"), kernel(), dir.resolve("target"), job(),
                Duration.ofSeconds(2), Duration.ofSeconds(60), s -> { }))
                .hasMessageContaining("did not reach /init within 2 s")
                .satisfies(e -> assertThat(((VmException) e).consoleTail()).contains("Booting from ROM"));
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
    }

    @Test
    void aGuestThatRunsTooLongIsStoppedAtTheRunBound() throws Exception {
        Qemu qemu = fake("ebpfj-guest: init on 5.10\\nebpfj-guest: running\\n", "exec sleep 600");

        assertThatThrownBy(() -> qemu.run(new Accel("tcg", "test"), kernel(), dir.resolve("target"), job(),
                Duration.ofSeconds(10), Duration.ofSeconds(3), s -> { }))
                .hasMessageContaining("did not finish within 3 s and was stopped");
    }

    @Test
    void theJobsExitCodeIsTheGuestsResult() throws Exception {
        Path job = job();
        Qemu qemu = fake("ebpfj-guest: init on 5.10\\n", "echo 1 > " + job.resolve("exit-code"));

        GuestResult r = qemu.run(new Accel("tcg", "test"), kernel(), dir.resolve("target"), job,
                Duration.ofSeconds(10), Duration.ofSeconds(20), s -> { });

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(Files.readString(job.resolve("qemu-command.txt"))).contains("panic=-1", "-no-reboot",
                "readonly=on", "ebpfj.job=" + job);
    }

    @Test
    void missingQemuSaysHowToInstallIt() {
        System.setProperty("ebpfj.vm.qemu", dir.resolve("no-such-qemu").toString());
        try {
            assertThatThrownBy(() -> Qemu.find(2, 2048)).isInstanceOf(VmException.class)
                    .hasMessageContaining("QEMU is not installed")
                    .hasMessageContaining("apt-get install qemu-system-x86 busybox-static");
        } finally {
            System.clearProperty("ebpfj.vm.qemu");
        }
    }

    @Test
    void kvmNeedsTheDeviceAndTheCpuFlags() throws Exception {
        Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"), "flags\t\t: fpu vme de pse sse2\n");
        Path kvm = Files.writeString(dir.resolve("kvm"), "");

        assertThat(Accel.candidate(dir.resolve("absent"), cpuinfo).name()).isEqualTo("tcg");
        assertThat(Accel.candidate(kvm, cpuinfo).reason()).contains("neither vmx nor svm");
        Files.writeString(cpuinfo, "flags\t\t: fpu vmx sse2\n");
        assertThat(Accel.candidate(kvm, cpuinfo).name()).isEqualTo("kvm");
    }
}
