package org.ebpfj.maven.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Shell scripts that behave like clang as far as the plugin can tell: {@code --version}, {@code -print-targets}
 * and, for {@link #compiler}, a compilation that writes the object and a make-style dependency file listing the
 * source and every {@code #include "..."} beside it. A source containing {@code FAIL_HERE} on line N makes it
 * print {@code <source>:N:1: error: forced failure} and exit 1, as clang does.
 */
public final class FakeClang {

    private FakeClang() {
    }

    public static Path withBpf(Path dir, String name) throws IOException {
        return write(dir, name, "clang version 18.1.8 (fake)", true, false);
    }

    /** A clang of the given major version ({@code clang version <major>.0.1 (fake)}). */
    public static Path withBpf(Path dir, String name, int major) throws IOException {
        return write(dir, name, "clang version " + major + ".0.1 (fake)", true, false);
    }

    public static Path withoutBpf(Path dir, String name) throws IOException {
        return write(dir, name, "clang version 18.1.8 (fake)", false, false);
    }

    public static Path notClang(Path dir, String name) throws IOException {
        return writeScript(dir.resolve(name), "#!/bin/sh\necho 'gcc (Debian 12.2.0-14) 12.2.0'\n");
    }

    public static Path compiler(Path dir) throws IOException {
        return write(dir, "clang", "clang version 18.1.8 (fake)", true, true);
    }

    private static Path write(Path dir, String name, String version, boolean bpf, boolean compiles)
            throws IOException {
        Files.createDirectories(dir);
        String targets = bpf
                ? "  Registered Targets:\n    bpf         - BPF (host endian)\n    bpfeb       - BPF (big endian)\n"
                : "  Registered Targets:\n    x86-64      - 64-bit X86: EM64T and AMD64\n";
        StringBuilder script = new StringBuilder("#!/bin/sh\n")
                .append("if [ \"$1\" = --version ]; then echo '").append(version).append("'; exit 0; fi\n")
                .append("if [ \"$1\" = -print-targets ]; then printf '").append(targets.replace("\n", "\\n"))
                .append("'; exit 0; fi\n");
        if (compiles) {
            script.append("out=; dep=; src=\n")
                    .append("while [ $# -gt 0 ]; do\n")
                    .append("  case \"$1\" in\n")
                    .append("    -o) out=$2; shift ;;\n")
                    .append("    -MF) dep=$2; shift ;;\n")
                    .append("    -c) src=$2; shift ;;\n")
                    .append("  esac\n")
                    .append("  shift\n")
                    .append("done\n")
                    .append("line=$(grep -n FAIL_HERE \"$src\" | head -1 | cut -d: -f1)\n")
                    .append("if [ -n \"$line\" ]; then echo \"$src:$line:1: error: forced failure\"; ")
                    .append("echo '1 error generated.'; exit 1; fi\n")
                    .append("dir=$(dirname \"$src\")\n")
                    .append("printf '%s: %s' \"$out\" \"$src\" > \"$dep\"\n")
                    .append("for h in $(sed -n 's/^#include \"\\(.*\\)\"/\\1/p' \"$src\"); do ")
                    .append("printf ' \\\\\\n  %s' \"$dir/$h\" >> \"$dep\"; done\n")
                    .append("echo >> \"$dep\"\n")
                    .append("echo \"$*\" > /dev/null\n")
                    .append("printf 'OBJ' > \"$out\"\n")
                    .append("exit 0\n");
        } else {
            script.append("echo 'fake clang cannot compile' >&2; exit 1\n");
        }
        return writeScript(dir.resolve(name), script.toString());
    }

    private static Path writeScript(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
