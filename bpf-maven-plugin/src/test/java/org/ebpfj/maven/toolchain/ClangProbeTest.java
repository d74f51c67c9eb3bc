package org.ebpfj.maven.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.ebpfj.maven.testing.FakeClang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@EnabledOnOs(OS.LINUX)
class ClangProbeTest {

    @TempDir
    Path tmp;

    private final ClangProbe probe = new ClangProbe();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # what answers as clang | usable | version (none when it is not clang) | problem
            withBpf    | true  | clang version 18.1.8 (fake) | ""
            withoutBpf | false | clang version 18.1.8 (fake) | built without the BPF target
            notClang   | false |                             | '--version' failed or is not clang: gcc (Debian 12.2.0-14) 12.2.0
            """)
    void probesWhatAnswersAsClang(String fake, boolean usable, String version, String problem) throws Exception {
        Path clang = switch (fake) {
            case "withBpf" -> FakeClang.withBpf(tmp, "clang");
            case "withoutBpf" -> FakeClang.withoutBpf(tmp, "clang");
            case "notClang" -> FakeClang.notClang(tmp, "clang");
            default -> throw new IllegalArgumentException(fake);
        };
        ClangProbe.Result result = probe.probe(clang);
        assertThat(result.usable()).isEqualTo(usable);
        assertThat(result.version()).isEqualTo(Optional.ofNullable(version));
        assertThat(result.problem()).isEqualTo(problem);
    }

    @Test
    void missingAndNotExecutable() throws Exception {
        assertThat(probe.probe(tmp.resolve("nope")).problem()).isEqualTo("not found");
        Path plain = Files.writeString(tmp.resolve("clang"), "data");
        assertThat(probe.probe(plain).problem()).isEqualTo("not an executable file");
        assertThat(probe.probe(tmp).problem()).isEqualTo("not an executable file");
    }
}
