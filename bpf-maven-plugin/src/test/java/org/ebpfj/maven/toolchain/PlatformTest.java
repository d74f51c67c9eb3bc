package org.ebpfj.maven.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource(nullValues = "-", textBlock = """
            # os.name, os.arch, kernel arch, multiarch triple, bytedeco classifier
            Linux,    amd64,   x86,     x86_64-linux-gnu,      linux-x86_64
            Linux,    aarch64, arm64,   aarch64-linux-gnu,     linux-arm64
            Linux,    s390x,   s390,    s390x-linux-gnu,       -
            Linux,    ppc64,   powerpc, -,                     -
            Linux,    mips64el, mips,   -,                     -
            # macOS: no embedded clang and no multiarch folder, but bpf_tracing.h still needs the kernel name.
            Mac OS X, aarch64, arm64,   -,                     -
            Linux,    sparc,   -,       -,                     -
            """)
    void namesOfOneArchitecture(String os, String arch, String kernel, String triple, String classifier) {
        Platform p = new Platform(os, arch);
        assertThat(p.kernelArch()).isEqualTo(Optional.ofNullable(kernel));
        assertThat(p.multiarchTriple()).isEqualTo(Optional.ofNullable(triple));
        assertThat(p.bytedecoClassifier()).isEqualTo(Optional.ofNullable(classifier));
    }

    @Test
    void javaSpellingsOfOneArchitectureAgree() {
        assertThat(new Platform("Linux", "x86-64").kernelArch()).contains("x86");
        assertThat(new Platform("Linux", "arm64").bytedecoClassifier()).contains("linux-arm64");
        assertThat(new Platform("Linux", "ppc64el").multiarchTriple()).contains("powerpc64le-linux-gnu");
    }
}
