package org.ebpfj.maven.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ebpfj.maven.testing.FakeClang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class ClangProbeTest {

    @TempDir
    Path tmp;

    private final ClangProbe probe = new ClangProbe();

    @Test
    void usableClang() throws Exception {
        ClangProbe.Result result = probe.probe(FakeClang.withBpf(tmp, "clang"));
        assertThat(result.usable()).isTrue();
        assertThat(result.version()).contains("clang version 18.1.8 (fake)");
    }

    @Test
    void clangWithoutBpf() throws Exception {
        ClangProbe.Result result = probe.probe(FakeClang.withoutBpf(tmp, "clang"));
        assertThat(result.usable()).isFalse();
        assertThat(result.version()).isPresent();
        assertThat(result.problem()).isEqualTo("built without the BPF target");
    }

    @Test
    void somethingElseNamedClang() throws Exception {
        ClangProbe.Result result = probe.probe(FakeClang.notClang(tmp, "clang"));
        assertThat(result.usable()).isFalse();
        assertThat(result.problem()).startsWith("'--version' failed or is not clang: gcc (Debian 12.2.0-14)");
    }

    @Test
    void missingAndNotExecutable() throws Exception {
        assertThat(probe.probe(tmp.resolve("nope")).problem()).isEqualTo("not found");
        Path plain = Files.writeString(tmp.resolve("clang"), "data");
        assertThat(probe.probe(plain).problem()).isEqualTo("not an executable file");
        assertThat(probe.probe(tmp).problem()).isEqualTo("not an executable file");
    }
}
