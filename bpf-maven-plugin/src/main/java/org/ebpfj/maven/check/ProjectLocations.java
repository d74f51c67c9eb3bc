package org.ebpfj.maven.check;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.ebpfj.object.rules.Violation;
import org.ebpfj.object.spec.SourceLocation;

/**
 * Makes the paths in findings absolute so IDEs can link them. The compile goal maps the project folder to "." in
 * debug info, so a map's declaration reads {@code ./src/main/bpf/x.bpf.c} (or, normalized, {@code src/main/...});
 * such a path is resolved against the project when that file exists there. Paths that name no file of this
 * project (an object built elsewhere) are kept as the object records them.
 */
public final class ProjectLocations {

    private final Path baseDirectory;

    public ProjectLocations(Path baseDirectory) {
        this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
    }

    public String resolve(String file) {
        if (file.isEmpty()) {
            return file;
        }
        try {
            Path path = Path.of(file);
            if (path.isAbsolute()) {
                return file;
            }
            Path candidate = baseDirectory.resolve(path).normalize();
            return Files.exists(candidate) ? candidate.toString() : file;
        } catch (InvalidPathException e) {
            return file; // a name from another machine's file system: show it as recorded
        }
    }

    public SourceLocation resolve(SourceLocation location) {
        String file = resolve(location.file());
        return file.equals(location.file()) ? location
                : new SourceLocation(file, location.line(), location.column());
    }

    /** The finding with its location made absolute. */
    public Violation resolve(Violation v) {
        SourceLocation where = resolve(v.location());
        return where == v.location() ? v : new Violation(v.ruleId(), v.severity(), v.errno(), v.mapName(),
                v.mapType(), where, v.message(), v.kernelFunction());
    }

    /** A path relative to the project when it lies inside it (for reports that should not name the build folder). */
    public String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(baseDirectory) ? baseDirectory.relativize(absolute).toString() : absolute.toString();
    }
}
