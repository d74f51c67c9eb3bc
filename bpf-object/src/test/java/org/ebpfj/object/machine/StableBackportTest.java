package org.ebpfj.object.machine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StableBackportTest {

    private static final StableBackport LRU = UapiHistory.LRU_CLAMPED_TARGET_FREE;

    @Test
    void thePointReleaseDecidesWithinASeriesThatTookTheChange() {
        assertThat(LRU.carriedBy(KernelVersion.parse("6.12.38"))).isFalse();
        assertThat(LRU.carriedBy(KernelVersion.parse("6.12.39"))).isTrue();
        assertThat(LRU.carriedBy(KernelVersion.parse("6.12.118+deb13-amd64"))).as("measured in a guest").isTrue();
        assertThat(LRU.carriedBy(KernelVersion.parse("6.6.98"))).isFalse();
        assertThat(LRU.carriedBy(KernelVersion.parse("6.6.99"))).isTrue();
        assertThat(LRU.carriedBy(KernelVersion.parse("6.15.7"))).isTrue();
    }

    @Test
    void mainlineFromTheReleaseOnAndSeriesWithoutARowNever() {
        assertThat(LRU.carriedBy(KernelVersion.parse("6.16"))).isTrue();
        assertThat(LRU.carriedBy(KernelVersion.parse("6.18.44"))).isTrue();
        assertThat(LRU.carriedBy(KernelVersion.parse("6.1.192"))).as("measured in a guest").isFalse();
        assertThat(LRU.carriedBy(KernelVersion.parse("5.10.262"))).as("measured in a guest").isFalse();
        assertThat(LRU.row(KernelVersion.parse("6.1.192"))).isEmpty();
    }

    @Test
    void everyRowSaysWhatItRestsOn() {
        assertThat(LRU.releases()).isEqualTo("6.16, stable 6.15.7, 6.12.39, 6.6.99");
        assertThat(LRU.series()).allSatisfy(s -> assertThat(s.evidence()).isNotBlank());
        assertThat(LRU.row(KernelVersion.parse("6.12.1")).orElseThrow().evidence()).contains("6.12.118");
    }
}
