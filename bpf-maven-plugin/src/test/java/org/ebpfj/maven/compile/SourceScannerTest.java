package org.ebpfj.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {

    @TempDir
    Path dir;

    private void touch(String relative) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
    }

    @Test
    void defaultIncludesFindBpfSourcesAtAnyDepthSorted() throws Exception {
        touch("b.bpf.c");
        touch("a.bpf.c");
        touch("net/xdp.bpf.c");
        touch("common.h");
        touch("helper.c");

        assertThat(SourceScanner.scan(dir, null, null))
                .containsExactly(dir.resolve("a.bpf.c"), dir.resolve("b.bpf.c"), dir.resolve("net/xdp.bpf.c"));
    }

    @Test
    void excludesWin() throws Exception {
        touch("a.bpf.c");
        touch("wip/b.bpf.c");
        assertThat(SourceScanner.scan(dir, List.of("**/*.bpf.c"), List.of("wip/**")))
                .containsExactly(dir.resolve("a.bpf.c"));
    }

    @Test
    void customIncludes() throws Exception {
        touch("a.bpf.c");
        touch("prog.c");
        assertThat(SourceScanner.scan(dir, List.of("*.c"), List.of("*.bpf.c"))).containsExactly(dir.resolve("prog.c"));
    }

    @Test
    void missingFolderHasNoSources() throws Exception {
        assertThat(SourceScanner.scan(dir.resolve("src/main/bpf"), null, null)).isEmpty();
    }
}
