package org.ebpfj.object.machine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KernelVersionTest {
    @Test
    void parsesReleaseStrings() {
        assertThat(KernelVersion.parse("6.18.44-fc-v782")).isEqualTo(new KernelVersion(6, 18, 44));
        assertThat(KernelVersion.parse("5.15")).isEqualTo(new KernelVersion(5, 15, 0));
        assertThat(KernelVersion.parse("6.1.0-17-amd64").toString()).isEqualTo("6.1");
        assertThat(KernelVersion.tryParse("linux")).isEmpty();
        assertThat(KernelVersion.tryParse(null)).isEmpty();
    }

    @Test
    void comparesNumerically() {
        KernelVersion v = KernelVersion.parse("6.9.2");
        assertThat(v.atLeast(6, 9)).isTrue();
        assertThat(v.atLeast(6, 10)).isFalse();
        assertThat(KernelVersion.parse("6.10").compareTo(v)).isPositive();
        assertThat(KernelVersion.parse("5.19").atLeast(6, 1)).isFalse();
    }
}
