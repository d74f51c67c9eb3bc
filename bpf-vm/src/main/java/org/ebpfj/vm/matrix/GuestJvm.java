package org.ebpfj.vm.matrix;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM a guest runs the tests in. Paths are the host's: the guest sees the host's root read-only at the same
 * paths.
 *
 * @param javaHome         the JDK (the host's, read over 9p)
 * @param classpath        the tests' class path
 * @param systemProperties passed as {@code -D}, in the order given
 * @param jvmArgs          more JVM options
 * @param workingDir       the working directory (the project folder)
 */
public record GuestJvm(
        Path javaHome,
        List<Path> classpath,
        Map<String, String> systemProperties,
        List<String> jvmArgs,
        Path workingDir) {

    public GuestJvm {
        classpath = List.copyOf(classpath);
        // In the caller's order (Map.copyOf's changes between runs), so a guest's script is the same every run.
        systemProperties = Collections.unmodifiableMap(new LinkedHashMap<>(systemProperties));
        jvmArgs = List.copyOf(jvmArgs);
    }
}
