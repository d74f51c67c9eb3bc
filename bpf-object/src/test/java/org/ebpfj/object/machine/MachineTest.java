package org.ebpfj.object.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineTest {

    @Test
    void aDistributionBuildLineGivesThePointReleaseTheReleaseStringHides(@TempDir Path root) throws IOException {
        write(root, "proc/sys/kernel/osrelease", "6.1.0-57-amd64\n");
        write(root, "proc/version", "Linux version 6.1.0-57-amd64 (debian-kernel@lists.debian.org) "
                + "(x86_64-linux-gnu-gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU Binutils for Debian) "
                + "2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-3 (2026-11-20)\n");
        assertThat(Machine.at(root).version()).hasValue(new KernelVersion(6, 1, 192));

        write(root, "proc/sys/kernel/osrelease", "5.15.0-91-generic\n");
        write(root, "proc/version_signature", "Ubuntu 5.15.0-91.101-generic 5.15.131\n");
        assertThat(Machine.at(root).version()).as("Ubuntu's signature").hasValue(new KernelVersion(5, 15, 131));

        write(root, "proc/sys/kernel/osrelease", "6.12.9-arch1\n");
        write(root, "proc/version_signature", "");
        assertThat(Machine.at(root).version()).as("another series' number is not taken")
                .hasValue(new KernelVersion(6, 12, 9));
    }

    @Test
    void readsEveryFactFromAFakeTree(@TempDir Path root) throws IOException {
        write(root, "proc/sys/kernel/osrelease", "6.1.0-31-amd64\n");
        write(root, "sys/devices/system/cpu/possible", "0-7\n");
        write(root, "sys/devices/system/cpu/online", "0-3,6\n");
        write(root, "proc/thread-self/status", "Name:\tjava\nCapInh:\t0000000000000000\n"
                + "CapEff:\t000001ffffffffff\nCapBnd:\t000001ffffffffff\n");
        write(root, "proc/sys/kernel/unprivileged_bpf_disabled", "2\n");
        write(root, "sys/kernel/security/lockdown", "none [integrity] confidentiality\n");
        write(root, "proc/self/limits", "Limit                     Soft Limit           Hard Limit           Units\n"
                + "Max locked memory         8388608              16777216             bytes\n");
        write(root, "proc/self/smaps", "KernelPageSize:        4 kB\n");

        Machine m = Machine.at(root);

        assertThat(m.release()).hasValue("6.1.0-31-amd64");
        assertThat(m.version()).hasValue(new KernelVersion(6, 1, 0));
        assertThat(m.possibleCpus().orElseThrow().count()).isEqualTo(8);
        assertThat(m.onlineCpus().orElseThrow().ids()).containsExactly(0, 1, 2, 3, 6);
        assertThat(m.effectiveCapabilities()).hasValue(0x1ffffffffffL);
        assertThat(m.unprivilegedBpfDisabled()).hasValue(2);
        assertThat(m.lockdown()).hasValue("integrity");
        assertThat(m.memlockLimit()).hasValue(8388608L);
        assertThat(m.pageSize()).hasValue(4096);
        assertThat(m.kernelConfig()).isEmpty();
        assertThat(m.configured("CONFIG_BPF")).isEmpty();
    }

    @Test
    void unlimitedMemlockAndForcedLockdownFromTheConfig(@TempDir Path root) throws IOException {
        write(root, "proc/self/limits", "Max locked memory         unlimited            unlimited            bytes\n");
        config(root, "CONFIG_BPF_SYSCALL=y\nCONFIG_LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY=y\n");
        write(root, "proc/self/status", "CapEff:\t0000000000000000\n");

        Machine m = Machine.at(root);

        assertThat(m.memlockLimit()).hasValue(Long.MAX_VALUE);
        assertThat(m.lockdown()).hasValue("confidentiality");
        assertThat(m.configured("CONFIG_BPF_SYSCALL")).hasValue(true);
        assertThat(m.configured("CONFIG_BPF_LSM")).hasValue(false);
        assertThat(m.effectiveCapabilities()).hasValue(0L);
    }

    @Test
    void anEmptyTreeIsUnknownEverywhereNeverAnError(@TempDir Path root) {
        Machine m = Machine.at(root);

        assertUnknown(m::release, m::version, m::possibleCpus, m::onlineCpus, m::nrCpus, m::pageSize, m::maxPageOrder,
                m::totalRamBytes, m::effectiveCapabilities, m::unprivilegedBpfDisabled, m::lockdown, m::memlockLimit);
        assertThat(m.hasNodeDirectory()).isFalse();
    }

    @Test
    void garbageIsUnknown(@TempDir Path root) throws IOException {
        write(root, "proc/sys/kernel/osrelease", "\n");
        write(root, "sys/devices/system/cpu/possible", "0-x\n");
        write(root, "proc/sys/kernel/unprivileged_bpf_disabled", "yes\n");
        write(root, "proc/self/limits", "Max locked memory         lots                 lots                 bytes\n");
        write(root, "proc/self/smaps", "KernelPageSize:        3 kB\n");
        Files.write(root.resolve("proc/config.gz"), new byte[] {1, 2, 3});

        Machine m = Machine.at(root);

        assertUnknown(m::release, m::possibleCpus, m::unprivilegedBpfDisabled, m::memlockLimit, m::pageSize,
                m::kernelConfig);
    }

    /** Each fact reads as unknown (an empty optional of whichever kind the fact is). */
    private static void assertUnknown(Supplier<?>... facts) {
        for (int i = 0; i < facts.length; i++) {
            assertThat(facts[i].get()).as("fact #%d", i + 1)
                    .isIn(Optional.empty(), OptionalInt.empty(), OptionalLong.empty());
        }
    }

    /** The running machine: the facts every Linux has must read, and agree with what the JVM itself sees. */
    @Test
    void theRunningMachine() {
        Machine m = Machine.running();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/sys/kernel")),
                "not a Linux machine with /proc");
        assertThat(m.release()).hasValueSatisfying(r -> assertThat(r).isEqualTo(
                System.getProperty("os.version")));
        assertThat(m.version()).isPresent();
        assertThat(m.possibleCpus().orElseThrow().count()).isGreaterThanOrEqualTo(
                Runtime.getRuntime().availableProcessors());
        assertThat(m.pageSize()).isPresent();
        assertThat(m.effectiveCapabilities()).isPresent();
        assertThat(m.memlockLimit()).isPresent();
        assertThat(Machine.running()).isSameAs(m);
    }

    private static void config(Path root, String text) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        }
        Files.createDirectories(root.resolve("proc"));
        Files.write(root.resolve("proc/config.gz"), gz.toByteArray());
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
