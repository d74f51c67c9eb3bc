package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model against the counts measured on a 2-CPU machine (lru-behavior.md, tables 2.1 and 2.4). */
class LruModelTest {
    @ParameterizedTest(name = "max_entries {0}: {1} after max, {2} after max+1")
    @CsvSource({"10, 10, 9", "100, 100, 76", "1003, 982, 983", "10000, 9888, 9889"})
    void reproducesMeasuredCounts(long max, long afterMax, long afterMaxPlusOne) {
        assertThat(LruModel.entriesAfter(max, 2, max)).isEqualTo(afterMax);
        assertThat(LruModel.entriesAfter(max, 2, max + 1)).isEqualTo(afterMaxPlusOne);
    }

    @ParameterizedTest(name = "max_entries {0}: {1} after 2 x max")
    @CsvSource({"1003, 961", "10000, 9904"})
    void reproducesSteadyState(long max, long after) {
        assertThat(LruModel.entriesAfter(max, 2, 2 * max)).isEqualTo(after);
    }
}
