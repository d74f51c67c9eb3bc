package org.ebpfj.maven.headers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Keeps a system libbpf-dev ({@code /usr/include/bpf}) out of the build. clang searches {@code /usr/include}
 * after every {@code -I} folder, so a {@code <bpf/NAME.h>} that neither the user's folders nor the plugin's
 * headers provide would silently come from whatever libbpf-dev happens to be installed (Debian 12's is 1.1.2 and
 * predates {@code BPF_UPROBE}, kfunc-era macros...). For every header in that folder this writes a same-named
 * stub, searched after the user's and the plugin's folders, that stops the compilation with a message naming the
 * header and the fix. A build therefore has the same result with or without libbpf-dev installed.
 */
public final class SystemHeaderGuard {

    private static final String MARK = "/* bpf-maven-plugin: shadows ";

    private SystemHeaderGuard() {
    }

    /**
     * Writes the stubs under {@code guardRoot/bpf/} (removing stubs for headers no longer installed) and returns
     * the names shadowed; the folder to pass with {@code -I} is {@code guardRoot}.
     */
    public static List<String> write(Path systemInclude, Path guardRoot) throws IOException {
        Path system = systemInclude.resolve("bpf");
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(system)) {
            try (Stream<Path> files = Files.list(system)) {
                files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".h")).forEach(names::add);
            }
        }
        Path dir = guardRoot.resolve("bpf");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path stale : (Iterable<Path>) files::iterator) {
                    if (!names.contains(stale.getFileName().toString()) && isStub(stale)) {
                        Files.delete(stale); // only a stub this class wrote, inside the build's own folder
                    }
                }
            }
        }
        if (names.isEmpty()) {
            return List.of();
        }
        Files.createDirectories(dir);
        for (String name : names) {
            BpfHeaders.writeIfChanged(dir.resolve(name), stub(system.resolve(name), name));
        }
        return new ArrayList<>(names);
    }

    static String stub(Path systemFile, String name) {
        return MARK + systemFile + " */\n"
                + "#error \"<bpf/" + name + "> would come from the system's libbpf-dev (" + systemFile + "), which"
                + " bpf-maven-plugin never uses so that builds do not depend on installed packages: use the plugin's"
                + " headers, or add a folder holding bpf/" + name + " (e.g. libbpf's headers) to <includeDirectories>\"\n";
    }

    private static boolean isStub(Path file) throws IOException {
        return Files.isRegularFile(file) && Files.readString(file).startsWith(MARK);
    }
}
