package org.ebpfj.maven.toolchain;

import java.nio.file.Path;

/**
 * The clang a build uses.
 *
 * @param executable the clang binary
 * @param version    the first line of {@code clang --version}, e.g. {@code clang version 20.1.7}
 * @param origin     why this one was chosen, for the build log (e.g. "configured <clang>", "found on PATH")
 */
public record Clang(Path executable, String version, String origin) {

    /** Changes whenever another clang (or another version of it) is used, so outputs are rebuilt. */
    public String identity() {
        return executable + " " + version;
    }

    public String describe() {
        return executable + " (" + version + ", " + origin + ")";
    }
}
