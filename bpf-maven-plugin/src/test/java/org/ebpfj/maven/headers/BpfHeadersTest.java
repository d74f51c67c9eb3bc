package org.ebpfj.maven.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import org.ebpfj.maven.log.BuildLog;
import org.ebpfj.maven.testing.RecordingLog;
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
                "usdt.bpf.h", "bpf_helper_defs.h")) {
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
    void aUapiHeaderWithFewerHelpersGetsThePluginsCompleteList() throws Exception {
        Path uapi = Files.writeString(dir.resolve("bpf.h"), MINI_UAPI);
        Path root = dir.resolve("include");
        new BpfHeaders(BuildLog.silent()).write(root, uapi);

        String defs = Files.readString(root.resolve("bpf/bpf_helper_defs.h"));
        assertThat(BpfHeaders.countHelpers(defs)).isEqualTo(211);
        assertThat(defs).contains("static long (* const bpf_cgrp_storage_delete)(void *map, struct cgroup *cgroup)"
                + " = (void *) 211;");
    }

    @Test
    void aUapiHeaderDocumentingMoreHelpersIsGeneratedFrom() throws Exception {
        StringBuilder uapi = new StringBuilder("#define __BPF_FUNC_MAPPER(FN)\t\\\n\tFN(unspec, 0, ##ctx)\t\\\n");
        StringBuilder docs = new StringBuilder();
        for (int id = 1; id <= 212; id++) {
            uapi.append("\tFN(h").append(id).append(", ").append(id).append(", ##ctx)\t\\\n");
            docs.append(" * long bpf_h").append(id).append("(u64 x)\n * \tDescription\n");
        }
        Path header = Files.writeString(dir.resolve("bpf.h"), docs + uapi.toString() + "\t/* */\n");
        Path root = dir.resolve("include");
        new BpfHeaders(BuildLog.silent()).write(root, header);

        assertThat(root.resolve("bpf/bpf_helper_defs.h")).content()
                .contains("static long (* const bpf_h212)(__u64 x) = (void *) 212;");
    }

    @Test
    void theBundledListHasEveryHelperOfThisMachinesUapiHeaderUnderTheSameNumber() throws Exception {
        Path machine = Path.of("/usr/include/linux/bpf.h");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(machine),
                "no " + machine + " (linux-libc-dev) on this machine to compare with");
        Path root = dir.resolve("include");
        new BpfHeaders(BuildLog.silent()).write(root, dir.resolve("nowhere/bpf.h"));
        String bundled = Files.readString(root.resolve("bpf/bpf_helper_defs.h"));

        UapiHelperParser.Result parsed = UapiHelperParser.parse(
                Files.readString(machine, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(parsed.helpers()).isNotEmpty();
        // Names and numbers; prototypes were widened since (u32 to u64 sizes, const), which older kernels accept.
        for (HelperPrototype helper : parsed.helpers()) {
            assertThat(bundled.lines().filter(l -> l.contains("(* const " + helper.name() + ")(")))
                    .as(helper.name())
                    .singleElement().asString().endsWith("= (void *) " + helper.id() + ";");
        }
    }

    @Test
    void missingUapiHeaderGetsThePluginsList() throws Exception {
        Path root = dir.resolve("include");
        RecordingLog log = new RecordingLog();
        new BpfHeaders(log).write(root, dir.resolve("nowhere/bpf.h"));
        assertThat(BpfHeaders.countHelpers(Files.readString(root.resolve("bpf/bpf_helper_defs.h")))).isEqualTo(211);
        assertThat(log.lines()).anyMatch(l -> l.contains("the plugin's list of 211 helpers")
                && l.contains("nowhere/bpf.h not found"));
    }
}
