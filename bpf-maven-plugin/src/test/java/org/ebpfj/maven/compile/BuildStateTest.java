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

        state.write(file, Path.of("/p"));

        assertThat(BuildState.read(file, Path.of("/p"))).isEqualTo(state);
        assertThat(Files.readString(file)).contains("source\ta.bpf.c\tout/a.bpf.o\n")
                .doesNotContain("/p/a.bpf.c");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary file left
        }
    }

    @Test
    void missingFileIsEmptyState() {
        assertThat(BuildState.read(dir.resolve("none"), dir)).isEqualTo(BuildState.empty());
    }

    @Test
    void aStateWrittenForAnotherProjectFolderIsIgnored() throws Exception {
        BuildState state = new BuildState("f", Map.of(Path.of("/original/a.bpf.c"),
                new BuildState.Entry(Path.of("/original/target/classes/bpf/a.bpf.o"), List.of())));
        Path file = dir.resolve("state.tsv");
        state.write(file, Path.of("/original"));

        // The copy (cp -a original copy) carries the file; the copy's build must not take it as its own.
        assertThat(BuildState.read(file, Path.of("/copy"))).isEqualTo(BuildState.empty());
        assertThat(BuildState.read(file, Path.of("/original"))).isEqualTo(state);
    }

    @Test
    void headersOutsideTheProjectStayAbsolute() throws Exception {
        BuildState state = new BuildState("f", Map.of(Path.of("/p/a.bpf.c"), new BuildState.Entry(
                Path.of("/p/out/a.bpf.o"), List.of(new FileStamp(Path.of("/usr/include/linux/bpf.h"), 5, 6)))));
        Path file = dir.resolve("state.tsv");
        state.write(file, Path.of("/p"));
        assertThat(Files.readString(file)).contains("input\t/usr/include/linux/bpf.h\t5\t6");
        assertThat(BuildState.read(file, Path.of("/p"))).isEqualTo(state);
    }

    @Test
    void unreadableContentIsEmptyStateNotAnError() throws Exception {
        for (String content : new String[] {
                "garbage",
                "# bpf-maven-plugin compile state v2\nproject\t" + dir + "\nsource\t/a\n",
                "# bpf-maven-plugin compile state v2\nproject\t" + dir + "\ninput\t/a\t1\t2\n",
                "# bpf-maven-plugin compile state v2\nproject\t" + dir + "\nsource\t/a\t/a.o\ninput\t/a\tNaN\t2\n",
                "# bpf-maven-plugin compile state v2\nproject\t" + dir + "\nsurprise\tx\n",
                "# bpf-maven-plugin compile state v1\nfingerprint\tx\n"}) {
            Path file = Files.writeString(dir.resolve("state.tsv"), content);
            assertThat(BuildState.read(file, dir)).as(content).isEqualTo(BuildState.empty());
        }
    }
}
