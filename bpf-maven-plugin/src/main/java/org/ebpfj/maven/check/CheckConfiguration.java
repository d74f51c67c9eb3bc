package org.ebpfj.maven.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.rules.CheckOptions;

/**
 * The user's settings for checking a folder of BPF objects, as the {@code check} goal's parameters give them.
 *
 * @param baseDirectory    the project folder: relative source paths in debug info (the compile goal maps the
 *                         project to "." with {@code -fdebug-prefix-map}) are resolved against it
 * @param objectsDirectory the folder holding the objects
 * @param includes         Ant-style patterns of the objects to check, relative to {@code objectsDirectory}
 * @param excludes         patterns of files not to check
 * @param profile          the kernel the maps are checked for
 * @param options          user-space overrides and the memory warning threshold
 * @param failOnWarning    whether a warning fails the build as an error does
 * @param report           where {@code maps.json} goes; empty for none
 * @param targets          target kernels, oldest first: each map gets one verdict per kernel; empty for none
 */
public record CheckConfiguration(
        Path baseDirectory,
        Path objectsDirectory,
        List<String> includes,
        List<String> excludes,
        KernelProfile profile,
        CheckOptions options,
        boolean failOnWarning,
        Optional<Path> report,
        List<KernelProfile> targets) {

    /** Every {@code .o} file below the objects folder. */
    public static final List<String> DEFAULT_INCLUDES = List.of("**/*.o");

    public CheckConfiguration {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(objectsDirectory, "objectsDirectory");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(report, "report");
        includes = includes.isEmpty() ? DEFAULT_INCLUDES : List.copyOf(includes);
        excludes = List.copyOf(excludes);
        targets = List.copyOf(targets);
    }

    public CheckConfiguration(Path baseDirectory, Path objectsDirectory, List<String> includes, List<String> excludes,
            KernelProfile profile, CheckOptions options, boolean failOnWarning, Optional<Path> report) {
        this(baseDirectory, objectsDirectory, includes, excludes, profile, options, failOnWarning, report, List.of());
    }
}
