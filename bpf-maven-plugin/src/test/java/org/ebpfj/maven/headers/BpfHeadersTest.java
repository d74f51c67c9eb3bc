package org.ebpfj.maven.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import org.ebpfj.maven.log.BuildLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpfHeadersTest {

    @TempDir
    Path dir;

    private static final String MINI_UAPI = String.join("\n",
            " * void *bpf_map_lookup_elem(struct bpf_map *map, const void *key)",
            " * \tDescription",
            "#define __BPF_FUNC_MAPPER(FN)\t\\",
            "\tFN(unspec),\t\\",
            "\tFN(map_lookup_elem),\t\\",
            "\t/* */",
            "");

    private Path withHelpers(String name) throws Exception {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("bpf"));
        Files.writeString(root.resolve("bpf/bpf_helpers.h"), "");
        return root;
    }

    @Test
    void configuredFoldersComeFirstThenTheBundledHeadersNeverTheSystems() throws Exception {
        Path user = withHelpers("user");
        Path bundled = dir.resolve("target/bpf-include");
        Path empty = dir.resolve("empty");

        assertThat(BpfHeaders.select(List.of(empty, user), false, bundled))
                .isEqualTo(new BpfHeaders.Selection("configured include folder " + user, Optional.empty()));
        assertThat(BpfHeaders.select(List.of(empty), false, bundled).includeDirectory()).contains(bundled);
        assertThat(BpfHeaders.select(List.of(user), true, bundled).includeDirectory()).contains(bundled);
    }

    @Test
    void writesAllHeadersAndRewritesNothingWhenNothingChanged() throws Exception {
        Path uapi = Files.writeString(dir.resolve("bpf.h"), MINI_UAPI);
        Path root = dir.resolve("include");
        BpfHeaders headers = new BpfHeaders(BuildLog.silent());

        headers.write(root, uapi);

        for (String name : List.of("bpf_helpers.h", "bpf_tracing.h", "bpf_core_read.h", "bpf_endian.h",
                "bpf_helper_defs.h")) {
            assertThat(root.resolve("bpf/" + name)).isRegularFile();
        }
        assertThat(root.resolve("bpf/bpf_helper_defs.h")).content()
                .contains("static void *(* const bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;");

        FileTime old = FileTime.fromMillis(1_000_000);
        for (String name : List.of("bpf_helpers.h", "bpf_helper_defs.h")) {
            Files.setLastModifiedTime(root.resolve("bpf/" + name), old);
        }
        headers.write(root, uapi);
        assertThat(Files.getLastModifiedTime(root.resolve("bpf/bpf_helpers.h"))).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(root.resolve("bpf/bpf_helper_defs.h"))).isEqualTo(old);
    }

    @Test
    void regeneratesWhenTheUapiHeaderChanges() throws Exception {
        Path uapi = Files.writeString(dir.resolve("bpf.h"), MINI_UAPI);
        Path root = dir.resolve("include");
        BpfHeaders headers = new BpfHeaders(BuildLog.silent());
        headers.write(root, uapi);

        Files.writeString(uapi, MINI_UAPI.replace("\t/* */", "\tFN(map_update_elem),\t\\\n\t/* */")
                + " * long bpf_map_update_elem(struct bpf_map *map, const void *key, const void *value, u64 flags)\n"
                + " * \tDescription\n");
        headers.write(root, uapi);

        assertThat(root.resolve("bpf/bpf_helper_defs.h")).content().contains("bpf_map_update_elem)(void *map");
    }

    @Test
    void missingUapiHeaderGivesAHeaderThatExplainsItself() throws Exception {
        Path root = dir.resolve("include");
        new BpfHeaders(BuildLog.silent()).write(root, dir.resolve("nowhere/bpf.h"));
        assertThat(root.resolve("bpf/bpf_helper_defs.h")).content().contains("#error").contains("nowhere/bpf.h");
    }
}
