package org.ebpfj.maven.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the previous build compiled: a fingerprint of its flags and clang, and for each source its object and
 * the stamps of every file clang read. Stored as a small tab-separated text file; a file this code cannot
 * read is treated as no state at all (everything is rebuilt), never as an error.
 *
 * <p>Paths inside the project are stored relative to it, and the file records the project folder it was written
 * for. A state file from another folder (a project copied with {@code cp -a}, moved, or mounted elsewhere) is
 * ignored like an unreadable one: obeying it could make this build delete or trust the other project's files.
 */
public record BuildState(String fingerprint, Map<Path, Entry> entries) {

    private static final String HEADER = "# bpf-maven-plugin compile state v2";

    /** @param inputs the stamps of the source and every header it included, when it was compiled */
    public record Entry(Path object, List<FileStamp> inputs) {
        public Entry {
            inputs = List.copyOf(inputs);
        }
    }

    public BuildState {
        entries = Map.copyOf(entries);
    }

    public static BuildState empty() {
        return new BuildState("", Map.of());
    }

    public Optional<Entry> entry(Path source) {
        return Optional.ofNullable(entries.get(source));
    }

    /** The state {@code file} holds for the project in {@code base}; empty when missing, unreadable or foreign. */
    public static BuildState read(Path file, Path base) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), base).orElse(empty());
        } catch (IOException e) {
            return empty();
        }
    }

    static Optional<BuildState> parse(List<String> lines, Path base) {
        if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("project\t" + base)) {
            return Optional.empty();
        }
        String fingerprint = "";
        Map<Path, Entry> entries = new LinkedHashMap<>();
        Path source = null;
        Path object = null;
        List<FileStamp> inputs = new ArrayList<>();
        try {
            for (String line : lines.subList(2, lines.size())) {
                String[] fields = line.split("\t", -1);
                switch (fields[0]) {
                    case "fingerprint":
                        fingerprint = fields[1];
                        break;
                    case "source":
                        if (source != null) {
                            entries.put(source, new Entry(object, inputs));
                        }
                        source = base.resolve(fields[1]).normalize();
                        object = base.resolve(fields[2]).normalize();
                        inputs = new ArrayList<>();
                        break;
                    case "input":
                        if (source == null) {
                            return Optional.empty();
                        }
                        inputs.add(new FileStamp(base.resolve(fields[1]).normalize(), Long.parseLong(fields[2]),
                                Long.parseLong(fields[3])));
                        break;
                    case "":
                        break;
                    default:
                        return Optional.empty();
                }
            }
        } catch (RuntimeException e) { // missing fields, bad numbers, bad paths: unreadable, rebuild
            return Optional.empty();
        }
        if (source != null) {
            entries.put(source, new Entry(object, inputs));
        }
        return Optional.of(new BuildState(fingerprint, entries));
    }

    /** Inside the project: relative to it; outside (system headers, the clang cache): absolute. */
    private static String relative(Path base, Path path) {
        return path.isAbsolute() && path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    }

    /** Writes through a temporary file and a rename, so an interrupted build leaves the old state or the new. */
    public void write(Path file, Path base) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        sb.append("project\t").append(base).append('\n');
        sb.append("fingerprint\t").append(fingerprint).append('\n');
        for (Map.Entry<Path, Entry> e : entries.entrySet()) {
            sb.append("source\t").append(relative(base, e.getKey())).append('\t')
                    .append(relative(base, e.getValue().object())).append('\n');
            for (FileStamp input : e.getValue().inputs()) {
                sb.append("input\t").append(relative(base, input.path())).append('\t')
                        .append(input.modifiedMillis()).append('\t')
                        .append(input.size()).append('\n');
            }
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, sb, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
