package org.ebpfj.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AntPatternTest {

    @Test
    void doubleStarMatchesAnyDepthIncludingNone() {
        AntPattern p = AntPattern.compile("**/*.bpf.c");
        assertThat(p.matches("a.bpf.c")).isTrue();
        assertThat(p.matches("net/xdp.bpf.c")).isTrue();
        assertThat(p.matches("a/b/c/d.bpf.c")).isTrue();
        assertThat(p.matches("a.c")).isFalse();
        assertThat(p.matches("a.bpf.c.orig")).isFalse();
    }

    @Test
    void singleStarStaysInOneFolder() {
        AntPattern p = AntPattern.compile("*.bpf.c");
        assertThat(p.matches("a.bpf.c")).isTrue();
        assertThat(p.matches("net/a.bpf.c")).isFalse();
    }

    @Test
    void questionMarkAndLiteralDots() {
        AntPattern p = AntPattern.compile("v?/x.c");
        assertThat(p.matches("v1/x.c")).isTrue();
        assertThat(p.matches("v12/x.c")).isFalse();
        assertThat(p.matches("v1/xxc")).isFalse();
    }

    @Test
    void trailingSlashMeansEverythingBelow() {
        AntPattern p = AntPattern.compile("experimental/");
        assertThat(p.matches("experimental/a.bpf.c")).isTrue();
        assertThat(p.matches("experimental/deep/a.bpf.c")).isTrue();
        assertThat(p.matches("other/a.bpf.c")).isFalse();
    }

    @Test
    void doubleStarInTheMiddle() {
        AntPattern p = AntPattern.compile("net/**/test_*.bpf.c");
        assertThat(p.matches("net/test_a.bpf.c")).isTrue();
        assertThat(p.matches("net/x/y/test_a.bpf.c")).isTrue();
        assertThat(p.matches("test_a.bpf.c")).isFalse();
    }
}
