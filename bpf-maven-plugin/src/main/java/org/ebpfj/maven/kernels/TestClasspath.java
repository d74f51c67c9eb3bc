package org.ebpfj.maven.kernels;

import java.nio.file.Path;
import java.util.List;

/**
 * The tests' class path for the guest: the project's, without the JUnit Platform and Jupiter jars, which the
 * guest's console launcher brings in its own version (two copies of one engine would clash).
 */
final class TestClasspath {
    private TestClasspath() {
    }

    static List<Path> forGuest(List<String> elements) {
        return elements.stream().map(Path::of).filter(p -> !bundledByLauncher(p)).toList();
    }

    static boolean bundledByLauncher(Path p) {
        String s = p.toString().replace('\\', '/');
        return s.contains("/org/junit/platform/") || s.contains("/org/junit/jupiter/")
                || s.contains("/org/junit/vintage/") || s.contains("/org/opentest4j/")
                || s.contains("/org/apiguardian/");
    }
}
