package org.ebpfj.maven.compile;

import java.nio.file.Path;

/**
 * One source and the two files made from it.
 *
 * @param source         the {@code .bpf.c} file
 * @param object         the {@code .bpf.o} written by clang
 * @param dependencyFile clang's make-style list of every file the compilation read
 */
public record SourceUnit(Path source, Path object, Path dependencyFile) {

    /**
     * Keeps the source's folder structure under the output folder and swaps the trailing {@code .c} for
     * {@code .o}: {@code src/main/bpf/net/xdp.bpf.c} becomes {@code <output>/net/xdp.bpf.o}.
     */
    public static SourceUnit of(Path sourceDirectory, Path source, Path outputDirectory, Path dependencyDirectory) {
        Path relative = sourceDirectory.relativize(source);
        String name = relative.getFileName().toString();
        String objectName = (name.endsWith(".c") ? name.substring(0, name.length() - 2) : name) + ".o";
        Path relativeObject = relative.resolveSibling(objectName);
        return new SourceUnit(source, outputDirectory.resolve(relativeObject.toString()),
                dependencyDirectory.resolve(relative + ".d"));
    }
}
