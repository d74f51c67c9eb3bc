package org.ebpfj.vm.matrix;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.ebpfj.vm.image.KernelSpec;

/**
 * What to run on which kernels.
 *
 * @param kernels        the kernels, in the order the summary lists them
 * @param jvm            the guest's JVM
 * @param scanDirs       folders whose test classes are discovered (usually target/test-classes)
 * @param includeTags    JUnit tags to run ({@code kernel-matrix}); empty runs every test found
 * @param classNames     a class-name pattern ({@code .*DifferentialTest}) narrowing the discovered classes; empty for all
 * @param buildDir       the one host folder the guest may write (the build folder); holds {@link #workDir()} and
 *                       {@link #reportsDir()}
 * @param bootTimeout    bound on reaching /init
 * @param runTimeout     bound on one guest's whole run
 * @param cpus           guest CPUs
 * @param memoryMiB      guest memory
 */
public record MatrixRequest(
        List<KernelSpec> kernels,
        GuestJvm jvm,
        List<Path> scanDirs,
        List<String> includeTags,
        String classNames,
        Path buildDir,
        Duration bootTimeout,
        Duration runTimeout,
        int cpus,
        int memoryMiB) {

    public MatrixRequest {
        kernels = List.copyOf(kernels);
        scanDirs = List.copyOf(scanDirs);
        includeTags = List.copyOf(includeTags);
    }

    /** Per-kernel job folders, consoles and raw reports: {@code target/bpf-vm}. */
    public Path workDir() {
        return buildDir.resolve("bpf-vm");
    }

    /** Where the reports go, each name suffixed with its kernel, beside Surefire's: {@code target/surefire-reports}. */
    public Path reportsDir() {
        return buildDir.resolve("surefire-reports");
    }
}
