package org.ebpfj.maven.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.ebpfj.object.report.FindingLine;
import org.ebpfj.object.rules.Severity;
import org.ebpfj.object.rules.Violation;
import org.ebpfj.object.spec.SourceLocation;
import org.ebpfj.object.uapi.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLocationsTest {

    @TempDir
    Path base;

    @Test
    void pathsOfProjectFilesBecomeAbsoluteWithOrWithoutTheDotTheCompilerMapsTheProjectTo() throws Exception {
        Path source = Files.createDirectories(base.resolve("src/main/bpf")).resolve("x.bpf.c");
        Files.writeString(source, "");
        ProjectLocations locations = new ProjectLocations(base);

        assertThat(locations.resolve("./src/main/bpf/x.bpf.c")).isEqualTo(source.toString());
        assertThat(locations.resolve("src/main/bpf/x.bpf.c")).isEqualTo(source.toString());
    }

    @Test
    void otherPathsAreKeptAsRecorded() {
        ProjectLocations locations = new ProjectLocations(base);

        assertThat(locations.resolve("src/main/bpf/elsewhere.bpf.c")).isEqualTo("src/main/bpf/elsewhere.bpf.c");
        assertThat(locations.resolve("/usr/include/linux/bpf.h")).isEqualTo("/usr/include/linux/bpf.h");
        assertThat(locations.resolve("")).isEmpty();
        assertThat(locations.resolve("bad\0name")).isEqualTo("bad\0name");
    }

    @Test
    void findingsGetTheAbsolutePathAndRenderAsTheCliDoes() throws Exception {
        Path source = Files.createDirectories(base.resolve("src/main/bpf")).resolve("x.bpf.c");
        Files.writeString(source, "");
        Violation v = new Violation("array.key-size", Severity.ERROR, Optional.of(Errno.EINVAL), "counts", "ARRAY",
                new SourceLocation("./src/main/bpf/x.bpf.c", 12, 0), "key_size is 8", "array_map_alloc_check");

        Violation placed = new ProjectLocations(base).resolve(v);

        assertThat(placed.location()).isEqualTo(new SourceLocation(source.toString(), 12, 0));
        assertThat(placed).isEqualTo(new Violation(v.ruleId(), v.severity(), v.errno(), v.mapName(), v.mapType(),
                placed.location(), v.message(), v.kernelFunction()));
        assertThat(FindingLine.of(placed))
                .isEqualTo(source + ":12: error: [array.key-size] map 'counts' (ARRAY): key_size is 8 (kernel: EINVAL)")
                .isEqualTo(FindingLine.of(v).replace("./src/main/bpf/x.bpf.c", source.toString()));
    }

    @Test
    void relativeInsideTheProjectAbsoluteOutside() {
        ProjectLocations locations = new ProjectLocations(base);

        assertThat(locations.relative(base.resolve("target/bpf/maps.json"))).isEqualTo("target/bpf/maps.json");
        assertThat(locations.relative(Path.of("/opt/objects/x.o"))).isEqualTo("/opt/objects/x.o");
    }
}
