package org.ebpfj.maven.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesOnlyWhenTheContentChanges() throws Exception {
        Path file = dir.resolve("a/b/report.json");

        assertThat(AtomicFiles.writeIfChanged(file, bytes("one"))).isTrue();
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);

        assertThat(AtomicFiles.writeIfChanged(file, bytes("one"))).isFalse();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
        assertThat(AtomicFiles.writeIfChanged(file, bytes("two"))).isTrue();
        assertThat(Files.readString(file)).isEqualTo("two");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void writtenFilesAreReadableByAllLikeOtherBuildOutput() throws Exception {
        Path file = dir.resolve("vmlinux.h");
        AtomicFiles.write(file, bytes("x"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
