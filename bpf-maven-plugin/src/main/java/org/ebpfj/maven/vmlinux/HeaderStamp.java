package org.ebpfj.maven.vmlinux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ebpfj.maven.compile.FileStamp;
import org.ebpfj.maven.io.AtomicFiles;

/**
 * What the last generated header was made from: the BTF file's path, size and time, the options and the
 * generator, and the header's own size and time. When all are the same the header is up to date and the BTF is not
 * even read, so an unchanged build costs two {@code stat} calls. Any difference regenerates; the header itself is
 * then rewritten only if its text changes (a reboot changes the time of {@code /sys/kernel/btf/vmlinux}, seldom its
 * content), so compiled objects stay up to date.
 */
record HeaderStamp(String btfFile, long btfSize, long btfModified, String options, String generator,
                   long headerSize, long headerModified) {

    private static final String HEADER = "# bpf-maven-plugin vmlinux.h stamp v1";

    static HeaderStamp of(FileStamp btf, String options, String generator, FileStamp header) {
        return new HeaderStamp(btf.path().toString(), btf.size(), btf.modifiedMillis(), options, generator,
                header.size(), header.modifiedMillis());
    }

    /** Empty when there is no stamp or it cannot be read: then the header is generated again. */
    static Optional<HeaderStamp> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                return Optional.empty();
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    fields.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
            return Optional.of(new HeaderStamp(fields.get("btf"), Long.parseLong(fields.get("btf-size")),
                    Long.parseLong(fields.get("btf-modified")), fields.get("options"), fields.get("generator"),
                    Long.parseLong(fields.get("header-size")), Long.parseLong(fields.get("header-modified"))));
        } catch (IOException | RuntimeException e) { // missing fields, bad numbers: not a stamp
            return Optional.empty();
        }
    }

    void write(Path file) throws IOException {
        String text = HEADER + "\n"
                + "btf\t" + btfFile + "\n"
                + "btf-size\t" + btfSize + "\n"
                + "btf-modified\t" + btfModified + "\n"
                + "options\t" + options + "\n"
                + "generator\t" + generator + "\n"
                + "header-size\t" + headerSize + "\n"
                + "header-modified\t" + headerModified + "\n";
        AtomicFiles.writeIfChanged(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
