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
 */
public record BuildState(String fingerprint, Map<Path, Entry> entries) {

    private static final String HEADER = "# bpf-maven-plugin compile state v1";

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

    public static BuildState read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8)).orElse(empty());
        } catch (IOException e) {
            return empty();
        }
    }

    static Optional<BuildState> parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return Optional.empty();
        }
        String fingerprint = "";
        Map<Path, Entry> entries = new LinkedHashMap<>();
        Path source = null;
        Path object = null;
        List<FileStamp> inputs = new ArrayList<>();
        try {
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", -1);
                switch (fields[0]) {
                    case "fingerprint":
                        fingerprint = fields[1];
                        break;
                    case "source":
                        if (source != null) {
                            entries.put(source, new Entry(object, inputs));
                        }
                        source = Path.of(fields[1]);
                        object = Path.of(fields[2]);
                        inputs = new ArrayList<>();
                        break;
                    case "input":
                        if (source == null) {
                            return Optional.empty();
                        }
                        inputs.add(new FileStamp(Path.of(fields[1]), Long.parseLong(fields[2]),
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

    /** Writes through a temporary file and a rename, so an interrupted build leaves the old state or the new. */
    public void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        sb.append("fingerprint\t").append(fingerprint).append('\n');
        for (Map.Entry<Path, Entry> e : entries.entrySet()) {
            sb.append("source\t").append(e.getKey()).append('\t').append(e.getValue().object()).append('\n');
            for (FileStamp input : e.getValue().inputs()) {
                sb.append("input\t").append(input.path()).append('\t').append(input.modifiedMillis()).append('\t')
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
