package org.ebpfj.maven.toolchain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ebpfj.maven.io.AtomicFiles;
import org.ebpfj.maven.process.ProcessRunner;

/**
 * Remembers which binaries are a usable clang, so that a build with nothing to compile starts no process at all
 * (probing runs clang twice, about 0.2 s). An entry is keyed by the binary's real path (symbolic links such as
 * {@code /usr/bin/clang} followed), size and modification time: installing another clang changes one of them.
 * Only usable results are kept; a broken clang is probed again, so a fix is noticed at once.
 *
 * <p>The file is shared by concurrent builds: each writes it whole through a rename, and an entry lost to a race
 * only costs one more probe.
 */
public final class CachingClangProbe extends ClangProbe {

    private static final String HEADER = "# bpf-maven-plugin clang probes v1";

    private final Path cacheFile;

    public CachingClangProbe(ProcessRunner runner, Path cacheFile) {
        super(runner);
        this.cacheFile = cacheFile;
    }

    public CachingClangProbe(Path cacheFile) {
        this(new ProcessRunner(60), cacheFile);
    }

    @Override
    public Result probe(Path clang) {
        Optional<String> key = key(clang);
        if (key.isEmpty()) {
            return super.probe(clang); // not a readable file: let the probe say why
        }
        String version = read().get(key.get());
        if (version != null) {
            return new Result(Optional.of(version), true, "");
        }
        Result result = super.probe(clang);
        if (result.usable()) {
            remember(key.get(), result.version().orElseThrow());
        }
        return result;
    }

    private static Optional<String> key(Path clang) {
        try {
            Path real = clang.toRealPath();
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(real + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Key to version; empty when the file is missing or not ours. */
    private Map<String, String> read() {
        Map<String, String> entries = new LinkedHashMap<>();
        try {
            if (!Files.isRegularFile(cacheFile)) {
                return entries;
            }
            List<String> lines = Files.readAllLines(cacheFile, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                return entries;
            }
            for (String line : lines.subList(1, lines.size())) {
                int last = line.lastIndexOf('\t');
                if (last > 0) {
                    entries.put(line.substring(0, last), line.substring(last + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            entries.clear(); // unreadable: probe again
        }
        return entries;
    }

    private void remember(String key, String version) {
        Map<String, String> entries = read();
        entries.put(key, version.replace('\t', ' ').replace('\n', ' '));
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        entries.forEach((k, v) -> text.append(k).append('\t').append(v).append('\n'));
        try {
            AtomicFiles.write(cacheFile, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // A cache that cannot be written only means probing again next time.
        }
    }
}
