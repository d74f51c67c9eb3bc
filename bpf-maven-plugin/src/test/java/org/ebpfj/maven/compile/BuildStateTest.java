package org.ebpfj.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStateTest {

    @TempDir
    Path dir;

    @Test
    void roundTrip() throws Exception {
        BuildState state = new BuildState("abc123", Map.of(
                Path.of("/p/a.bpf.c"), new BuildState.Entry(Path.of("/p/out/a.bpf.o"), List.of(
                        new FileStamp(Path.of("/p/a.bpf.c"), 1700000000123L, 420),
                        new FileStamp(Path.of("/p/with space.h"), -1, -1))),
                Path.of("/p/b.bpf.c"), new BuildState.Entry(Path.of("/p/out/b.bpf.o"), List.of())));
        Path file = dir.resolve("sub/state.tsv");

        state.write(file);

        assertThat(BuildState.read(file)).isEqualTo(state);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary file left
        }
    }

    @Test
    void missingFileIsEmptyState() {
        assertThat(BuildState.read(dir.resolve("none"))).isEqualTo(BuildState.empty());
    }

    @Test
    void unreadableContentIsEmptyStateNotAnError() throws Exception {
        for (String content : new String[] {
                "garbage",
                "# bpf-maven-plugin compile state v1\nsource\t/a\n",
                "# bpf-maven-plugin compile state v1\ninput\t/a\t1\t2\n",
                "# bpf-maven-plugin compile state v1\nsource\t/a\t/a.o\ninput\t/a\tNaN\t2\n",
                "# bpf-maven-plugin compile state v1\nsurprise\tx\n",
                "# bpf-maven-plugin compile state v0\nfingerprint\tx\n"}) {
            Path file = Files.writeString(dir.resolve("state.tsv"), content);
            assertThat(BuildState.read(file)).as(content).isEqualTo(BuildState.empty());
        }
    }
}
