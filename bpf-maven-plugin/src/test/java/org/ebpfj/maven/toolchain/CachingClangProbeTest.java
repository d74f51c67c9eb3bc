package org.ebpfj.maven.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;

import org.ebpfj.maven.testing.FakeClang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class CachingClangProbeTest {

    @TempDir
    Path tmp;

    /** A clang that appends a line to {@code calls} each time it runs. */
    private Path countingClang(Path real, String name) throws Exception {
        Path script = tmp.resolve(name);
        Files.writeString(script, "#!/bin/sh\necho \"$@\" >> '" + tmp.resolve("calls") + "'\nexec '" + real
                + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private long calls() throws Exception {
        Path calls = tmp.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
    }

    @Test
    void aUsableClangIsProbedOnceUntilItChanges() throws Exception {
        Path clang = countingClang(FakeClang.withBpf(tmp.resolve("real"), "clang"), "clang");
        CachingClangProbe probe = new CachingClangProbe(tmp.resolve("cache/probes.tsv"));

        ClangProbe.Result first = probe.probe(clang);
        long afterFirst = calls();
        ClangProbe.Result second = new CachingClangProbe(tmp.resolve("cache/probes.tsv")).probe(clang);

        assertThat(first.usable()).isTrue();
        assertThat(afterFirst).isEqualTo(2); // --version and -print-targets
        assertThat(second).isEqualTo(first);
        assertThat(calls()).isEqualTo(2);

        Files.setLastModifiedTime(clang, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertThat(probe.probe(clang).usable()).isTrue();
        assertThat(calls()).isEqualTo(4);
    }

    @Test
    void symbolicLinksAreFollowedSoRetargetingThemProbesAgain() throws Exception {
        Path a = countingClang(FakeClang.withBpf(tmp.resolve("a"), "clang"), "clang-a");
        Path b = countingClang(FakeClang.withoutBpf(tmp.resolve("b"), "clang"), "clang-b-longer-name");
        Path link = Files.createSymbolicLink(tmp.resolve("clang"), a);
        CachingClangProbe probe = new CachingClangProbe(tmp.resolve("probes.tsv"));
        assertThat(probe.probe(link).usable()).isTrue();

        Files.delete(link);
        Files.createSymbolicLink(link, b);

        assertThat(probe.probe(link).usable()).isFalse();
    }

    @Test
    void anUnusableClangIsProbedEveryTime() throws Exception {
        Path clang = countingClang(FakeClang.withoutBpf(tmp.resolve("real"), "clang"), "clang");
        CachingClangProbe probe = new CachingClangProbe(tmp.resolve("probes.tsv"));

        assertThat(probe.probe(clang).problem()).isEqualTo("built without the BPF target");
        assertThat(probe.probe(clang).usable()).isFalse();
        assertThat(calls()).isEqualTo(4);
    }

    @Test
    void anUnreadableCacheOnlyMeansProbingAgain() throws Exception {
        Path clang = countingClang(FakeClang.withBpf(tmp.resolve("real"), "clang"), "clang");
        Files.writeString(tmp.resolve("probes.tsv"), "not a cache\n\t\t\n");

        assertThat(new CachingClangProbe(tmp.resolve("probes.tsv")).probe(clang).usable()).isTrue();
        assertThat(new CachingClangProbe(tmp.resolve("probes.tsv")).probe(clang).usable()).isTrue();
        assertThat(calls()).isEqualTo(2);
        assertThat(new CachingClangProbe(tmp.resolve("probes.tsv")).probe(tmp.resolve("missing")).problem())
                .isEqualTo("not found");
    }
}
