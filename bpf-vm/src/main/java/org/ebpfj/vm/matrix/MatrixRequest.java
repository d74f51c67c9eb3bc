package org.ebpfj.vm.matrix;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.ebpfj.vm.image.KernelSpec;

/**
 * What to run on which kernels.
 *
 * @param kernels        the kernels, in the order the summary lists them
 * @param javaHome       the JDK the guest runs (the host's, read over 9p)
 * @param classpath      the tests' class path (host paths; the guest sees the same paths)
 * @param scanDirs       folders whose test classes are discovered (usually target/test-classes)
 * @param includeTags    JUnit tags to run ({@code kernel-matrix}); empty runs every test found
 * @param classNames     a class-name pattern ({@code .*DifferentialTest}) narrowing the discovered classes; empty for all
 * @param systemProperties passed to the guest's JVM as {@code -D}
 * @param jvmArgs        more JVM options for the guest
 * @param workingDir     the guest JVM's working directory (the project folder)
 * @param writableDir    the one host folder the guest may write (the build folder); holds {@code workDir}
 * @param workDir        per-kernel job folders, consoles, raw reports ({@code target/bpf-vm})
 * @param reportsDir     where the suffixed reports go ({@code target/surefire-reports})
 * @param bootTimeout    bound on reaching /init
 * @param runTimeout     bound on one guest's whole run
 * @param cpus           guest CPUs
 * @param memoryMiB      guest memory
 */
public record MatrixRequest(
        List<KernelSpec> kernels,
        Path javaHome,
        List<Path> classpath,
        List<Path> scanDirs,
        List<String> includeTags,
        String classNames,
        Map<String, String> systemProperties,
        List<String> jvmArgs,
        Path workingDir,
        Path writableDir,
        Path workDir,
        Path reportsDir,
        Duration bootTimeout,
        Duration runTimeout,
        int cpus,
        int memoryMiB) {

    public MatrixRequest {
        kernels = List.copyOf(kernels);
        classpath = List.copyOf(classpath);
        scanDirs = List.copyOf(scanDirs);
        includeTags = List.copyOf(includeTags);
        systemProperties = Map.copyOf(systemProperties);
        jvmArgs = List.copyOf(jvmArgs);
        if (!workDir.toAbsolutePath().normalize().startsWith(writableDir.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the work folder " + workDir + " must be inside the writable folder "
                    + writableDir);
        }
    }
}
