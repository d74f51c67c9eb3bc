package org.ebpfj.maven.compile;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one compilation run needs.
 *
 * @param clang            the compiler binary
 * @param clangIdentity    changes when another clang is used (path and version); part of the fingerprint
 * @param workingDirectory where clang runs (the project's base folder)
 * @param sourceDirectory  the root the sources' relative paths (and so the objects' paths) are taken from
 * @param sources          the sources, all under {@code sourceDirectory}
 * @param outputDirectory  where objects go, mirroring the sources' folders
 * @param stateDirectory   where dependency files and the incremental state are kept
 * @param flags            the arguments shared by all sources
 * @param threads          how many clang processes may run at once (at least 1)
 */
public record CompileRequest(
        Path clang,
        String clangIdentity,
        Path workingDirectory,
        Path sourceDirectory,
        List<Path> sources,
        Path outputDirectory,
        Path stateDirectory,
        CompileFlags flags,
        int threads) {

    public CompileRequest {
        sources = List.copyOf(sources);
        threads = Math.max(1, threads);
    }

    public Path stateFile() {
        return stateDirectory.resolve("compile-state.tsv");
    }

    public Path dependencyDirectory() {
        return stateDirectory.resolve("deps");
    }

    public List<SourceUnit> units() {
        return sources.stream()
                .map(source -> SourceUnit.of(sourceDirectory, source, outputDirectory, dependencyDirectory()))
                .collect(java.util.stream.Collectors.toList());
    }
}
