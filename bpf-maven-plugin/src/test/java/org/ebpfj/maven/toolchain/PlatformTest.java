package org.ebpfj.maven.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void linuxAmd64() {
        Platform p = new Platform("Linux", "amd64");
        assertThat(p.kernelArch()).contains("x86");
        assertThat(p.multiarchTriple()).contains("x86_64-linux-gnu");
        assertThat(p.bytedecoClassifier()).contains("linux-x86_64");
    }

    @Test
    void linuxAarch64() {
        Platform p = new Platform("Linux", "aarch64");
        assertThat(p.kernelArch()).contains("arm64");
        assertThat(p.multiarchTriple()).contains("aarch64-linux-gnu");
        assertThat(p.bytedecoClassifier()).contains("linux-arm64");
    }

    @Test
    void otherArchitecturesHaveAKernelNameButNoEmbeddedClang() {
        Platform p = new Platform("Linux", "s390x");
        assertThat(p.kernelArch()).contains("s390");
        assertThat(p.bytedecoClassifier()).isEmpty();
    }

    @Test
    void macOsHasNoEmbeddedClangAndNoMultiarchFolder() {
        Platform p = new Platform("Mac OS X", "aarch64");
        assertThat(p.bytedecoClassifier()).isEmpty();
        assertThat(p.multiarchTriple()).isEmpty();
        assertThat(p.kernelArch()).contains("arm64");
    }

    @Test
    void unknownArchitecture() {
        assertThat(new Platform("Linux", "sparc").kernelArch()).isEmpty();
    }
}
