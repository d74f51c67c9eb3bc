package org.ebpfj.maven.toolchain;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The clang a build uses.
 *
 * @param executable the clang binary
 * @param version    the first line of {@code clang --version}, e.g. {@code clang version 20.1.7}
 * @param origin     why this one was chosen, for the build log (e.g. "configured {@code <clang>}", "found on PATH")
 * @param embedded   whether it is the pinned embedded clang (advice for a too-old clang points to it otherwise)
 */
public record Clang(Path executable, String version, String origin, boolean embedded) {

    public Clang(Path executable, String version, String origin) {
        this(executable, version, origin, false);
    }

    /** Changes whenever another clang (or another version of it) is used, so outputs are rebuilt. */
    public String identity() {
        return executable + " " + version;
    }

    public OptionalInt major() {
        return ClangVersionFloor.major(version);
    }

    public String describe() {
        return executable + " (" + version + ", " + origin + ")";
    }
}
