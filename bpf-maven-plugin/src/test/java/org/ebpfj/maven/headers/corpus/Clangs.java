package org.ebpfj.maven.headers.corpus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.ebpfj.maven.toolchain.EmbeddedClangInstaller;
import org.ebpfj.maven.toolchain.EmbeddedLlvm;

/**
 * The two compilers the header corpus is built with: the plugin's embedded clang (from the
 * {@code org.bytedeco:llvm} jar on the test class path, extracted into the plugin's cache in the local
 * repository, as a build would) and Debian's {@code clang-14}, the oldest clang the plugin supports.
 */
public final class Clangs {

    /** A usable compiler, or the reason there is none. */
    public record Found(Optional<Path> clang, String reason) {
        static Found of(Path clang) {
            return new Found(Optional.of(clang), "");
        }

        static Found none(String reason) {
            return new Found(Optional.empty(), reason);
        }
    }

    private Clangs() {
    }

    public static Found embedded() {
        EmbeddedLlvm llvm = new EmbeddedLlvm(EmbeddedLlvm.DEFAULT_VERSION, "linux-x86_64");
        URL marker = Clangs.class.getClassLoader().getResource(llvm.jarPrefix() + "clang");
        if (marker == null || !"jar".equals(marker.getProtocol())) {
            return Found.none("no " + llvm.displayName() + " on the test class path (the plugin's pom adds it on"
                    + " linux amd64)");
        }
        try {
            String spec = marker.getPath(); // file:/.../llvm-...jar!/org/...
            Path jar = Path.of(new URL(spec.substring(0, spec.indexOf("!/"))).toURI());
            // <repository>/org/bytedeco/llvm/<version>/<jar>: the plugin's cache is <repository>/.cache/...
            Path repository = jar.getParent().getParent().getParent().getParent().getParent();
            Path cache = repository.resolve(".cache").resolve("bpf-maven-plugin");
            Path installation = new EmbeddedClangInstaller(llvm).install(jar, cache);
            return Found.of(EmbeddedClangInstaller.clangIn(installation));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Found.none("cannot extract the embedded clang: " + e);
        }
    }

    /** {@code -Dbpf.test.clang14=...}, else {@code clang-14} on the PATH, else Debian's install location. */
    public static Found clang14() {
        String configured = System.getProperty("bpf.test.clang14", "");
        if (!configured.isEmpty()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? Found.of(p) : Found.none("bpf.test.clang14=" + p + " is not executable");
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "clang-14");
            if (Files.isExecutable(p)) {
                return Found.of(p);
            }
        }
        Path debian = Path.of("/usr/lib/llvm-14/bin/clang");
        if (Files.isExecutable(debian)) {
            return Found.of(debian);
        }
        return Found.none("no clang-14 (install it with .ci/install-clang.sh, or apt-get install clang-14)");
    }

    /** Both, for parameterized tests: name and compiler. */
    public static List<String> names() {
        return List.of("embedded", "clang-14");
    }

    public static Found byName(String name) {
        return name.equals("embedded") ? embedded() : clang14();
    }
}
