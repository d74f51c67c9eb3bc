package org.ebpfj.maven.headers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import org.ebpfj.maven.compile.FileStamp;
import org.ebpfj.maven.log.BuildLog;

/**
 * Provides {@code <bpf/bpf_helpers.h>} and friends. One rule decides which headers a build uses:
 * <ol>
 *   <li>the configured include folders, when one has {@code bpf/bpf_helpers.h} (the user's own copy of libbpf's
 *       headers, say): they are searched first and the plugin adds none of its own, so the two never mix;</li>
 *   <li>otherwise the plugin's own, written into {@code target/bpf-include/bpf/}: fixed headers and
 *       {@code bpf_helper_defs.h} generated from the UAPI {@code linux/bpf.h};</li>
 *   <li>never the system's libbpf-dev ({@code /usr/include/bpf}): {@link SystemHeaderGuard} shadows each of its
 *       headers with a stub that fails with the fix, so an installed package cannot change a build's result.</li>
 * </ol>
 * Files are written only when their content changes, so that rewriting them does not make every object stale.
 */
public final class BpfHeaders {

    /** The fixed headers shipped in the plugin jar (the generated one is made per build machine). */
    public static final List<String> FIXED = List.of("bpf_helpers.h", "bpf_tracing.h", "bpf_core_read.h", "bpf_endian.h");
    static final String GENERATED = "bpf_helper_defs.h";
    static final String RESOURCE_DIR = "/org/ebpfj/maven/headers/";
    /** Bump when the generator's output changes, so cached copies are regenerated. */
    static final String GENERATOR_VERSION = "1";

    /** Which header set a build uses, and the folder to add with {@code -I} (empty when clang finds it alone). */
    public record Selection(String origin, Optional<Path> includeDirectory) {
    }

    private final BuildLog log;

    public BpfHeaders(BuildLog log) {
        this.log = log;
    }

    public static Selection select(List<Path> configuredDirectories, boolean preferBundled,
            Path bundledRoot) {
        if (!preferBundled) {
            for (Path dir : configuredDirectories) {
                if (Files.isRegularFile(dir.resolve("bpf/bpf_helpers.h"))) {
                    return new Selection("configured include folder " + dir, Optional.empty());
                }
            }
        }
        return new Selection("bpf-maven-plugin's own headers in " + bundledRoot.resolve("bpf"),
                Optional.of(bundledRoot));
    }

    /**
     * Writes the plugin's headers under {@code root/bpf/} and returns {@code root}, the folder to pass with
     * {@code -I}.
     */
    public Path write(Path root, Path uapiHeader) throws IOException {
        Path dir = root.resolve("bpf");
        Files.createDirectories(dir);
        for (String name : FIXED) {
            try (InputStream in = BpfHeaders.class.getResourceAsStream(RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new IOException("plugin jar lacks " + RESOURCE_DIR + name);
                }
                writeIfChanged(dir.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        writeHelperDefs(dir, uapiHeader);
        return root;
    }

    private void writeHelperDefs(Path dir, Path uapiHeader) throws IOException {
        Path target = dir.resolve(GENERATED);
        Path stampFile = dir.resolve("." + GENERATED + ".source");
        String stamp = GENERATOR_VERSION + "\t" + FileStamp.of(uapiHeader)
                .map(s -> uapiHeader.toAbsolutePath() + "\t" + s.modifiedMillis() + "\t" + s.size())
                .orElse(uapiHeader + "\tmissing");
        if (Files.isRegularFile(target) && Files.isRegularFile(stampFile)
                && Files.readString(stampFile).equals(stamp)) {
            log.debug("bpf_helper_defs.h is current for " + uapiHeader);
            return;
        }
        String content;
        if (!Files.isRegularFile(uapiHeader)) {
            log.warn("Cannot generate bpf_helper_defs.h: " + uapiHeader + " not found; programs including"
                    + " <bpf/bpf_helpers.h> will fail. Set <uapiHeader> or install the kernel UAPI headers.");
            content = HelperDefsWriter.unavailable(uapiHeader + " not found");
        } else {
            try {
                UapiHelperParser.Result parsed = UapiHelperParser.parse(Files.readString(uapiHeader, StandardCharsets.ISO_8859_1));
                content = HelperDefsWriter.write(parsed, uapiHeader.toAbsolutePath().toString());
                log.info("Generated bpf_helper_defs.h: " + parsed.helpers().size() + " helpers from " + uapiHeader);
                if (!parsed.undocumented().isEmpty()) {
                    log.debug("Helpers without a documented prototype (not declared): " + parsed.undocumented());
                }
            } catch (HeaderFormatException e) {
                log.warn("Cannot generate bpf_helper_defs.h from " + uapiHeader + ": " + e.getMessage());
                content = HelperDefsWriter.unavailable(uapiHeader + ": " + e.getMessage());
            }
        }
        writeIfChanged(target, content);
        writeIfChanged(stampFile, stamp);
    }

    /** Replaces a file only when the content differs, keeping its modification time otherwise. */
    static void writeIfChanged(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
