package org.ebpfj.maven.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Lists the BPF sources under a folder that match the includes and none of the excludes, in a stable order. */
public final class SourceScanner {

    public static final List<String> DEFAULT_INCLUDES = List.of("**/*.bpf.c");

    private SourceScanner() {
    }

    /** An absent folder has no sources: a project without BPF code is not an error. */
    public static List<Path> scan(Path directory, List<String> includes, List<String> excludes) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<AntPattern> in = (includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes).stream()
                .map(AntPattern::compile).collect(Collectors.toList());
        List<AntPattern> out = (excludes == null ? List.<String>of() : excludes).stream()
                .map(AntPattern::compile).collect(Collectors.toList());
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String relative = directory.relativize(file).toString().replace('\\', '/');
                        return in.stream().anyMatch(p -> p.matches(relative))
                                && out.stream().noneMatch(p -> p.matches(relative));
                    })
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
