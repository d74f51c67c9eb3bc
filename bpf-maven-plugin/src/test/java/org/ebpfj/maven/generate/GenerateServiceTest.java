package org.ebpfj.maven.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import org.ebpfj.maven.testing.RecordingLog;
import org.ebpfj.object.testing.TestObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generate step on committed objects: where files go, no rewrite when nothing changed, stale files removed. */
class GenerateServiceTest {

    private static GenerateConfiguration config(Path dir, boolean skeletons) {
        return new GenerateConfiguration(dir.resolve("objects"), List.of("**/*.o"), List.of(),
                dir.resolve("records"), skeletons ? Optional.of(dir.resolve("skeletons")) : Optional.empty(),
                "com.example.bpf", "/bpf/", List.of(), "bpf-maven-plugin test");
    }

    private static void object(Path dir, String name) throws Exception {
        Files.createDirectories(dir.resolve("objects"));
        Files.write(dir.resolve("objects").resolve(name), TestObjects.bytes(name));
    }

    @Test
    void recordsAndSkeletonsGoToTheirRootsInAPackagePerObject(@TempDir Path dir) throws Exception {
        object(dir, "shapes.bpf.o");
        RecordingLog log = new RecordingLog();

        GenerateResult r = new GenerateService(log).generate(config(dir, true));

        Path pkg = dir.resolve("records/com/example/bpf/shapes");
        assertThat(pkg.resolve("Padded.java")).exists();
        assertThat(pkg.resolve("BpfBytes.java")).exists();
        assertThat(dir.resolve("skeletons/com/example/bpf/shapes/Shapes.java")).exists()
                .content().contains("public static final String OBJECT_RESOURCE = \"/bpf/shapes.bpf.o\";");
        assertThat(r.objects()).isEqualTo(1);
        assertThat(r.written()).isEqualTo(r.files());
        assertThat(r.maps()).isEqualTo(r.typedMaps()).isEqualTo(10);
        assertThat(log.at("INFO")).anyMatch(l -> l.startsWith("Generated " + r.files() + " Java files from 1 BPF"
                + " object(s): " + r.files() + " written, 0 unchanged; 10 of 10 maps typed from BTF"));
    }

    @Test
    void aSecondRunWritesNothingAndAGoneObjectsFilesAreRemoved(@TempDir Path dir) throws Exception {
        object(dir, "shapes.bpf.o");
        object(dir, "global_data.bpf.o");
        new GenerateService(new RecordingLog()).generate(config(dir, true));
        Path padded = dir.resolve("records/com/example/bpf/shapes/Padded.java");
        FileTime before = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(padded, before);
        Path mine = dir.resolve("records/com/example/bpf/shapes/Mine.java");
        Files.writeString(mine, "package com.example.bpf.shapes; class Mine {}\n");

        GenerateResult again = new GenerateService(new RecordingLog()).generate(config(dir, true));
        assertThat(again.written()).isZero();
        assertThat(Files.getLastModifiedTime(padded)).isEqualTo(before);

        Files.delete(dir.resolve("objects/global_data.bpf.o"));
        GenerateResult after = new GenerateService(new RecordingLog()).generate(config(dir, true));
        assertThat(after.removed()).isPositive();
        assertThat(dir.resolve("skeletons/com/example/bpf/globaldata/GlobalData.java")).doesNotExist();
        assertThat(padded).exists();
        assertThat(mine).exists(); // not generated: never removed
    }

    @Test
    void withoutSkeletonsOnlyRecords(@TempDir Path dir) throws Exception {
        object(dir, "shapes.bpf.o");
        new GenerateService(new RecordingLog()).generate(config(dir, false));
        assertThat(dir.resolve("skeletons")).doesNotExist();
        assertThat(dir.resolve("records/com/example/bpf/shapes/Shapes.java")).doesNotExist();
    }

    @Test
    void anUnreadableObjectIsAnErrorLineAndTheOthersAreGenerated(@TempDir Path dir) throws Exception {
        object(dir, "shapes.bpf.o");
        Files.writeString(dir.resolve("objects/broken.bpf.o"), "not an ELF file");
        RecordingLog log = new RecordingLog();

        GenerateResult r = new GenerateService(log).generate(config(dir, true));

        assertThat(r.failures()).isEqualTo(1);
        assertThat(log.at("ERROR")).singleElement().asString().contains("broken.bpf.o: error: no Java generated:");
        assertThat(dir.resolve("records/com/example/bpf/shapes/Padded.java")).exists();
    }

    @Test
    void packageNamesFromObjectNames() {
        assertThat(GenerateService.packageOf("com.example.bpf", "hash_vs_lru")).isEqualTo("com.example.bpf.hashvslru");
        assertThat(GenerateService.packageOf("", "7seas")).isEqualTo("bpf7seas");
    }
}
