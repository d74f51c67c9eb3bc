package org.ebpfj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebpfj.examples.bpf.hashvslru.FillResult;
import org.ebpfj.examples.bpf.hashvslru.HashVsLru;
import org.ebpfj.harness.BpfTest;
import org.junit.jupiter.api.Test;

/**
 * The same experiment through the skeleton bpf-maven-plugin generates from the object ({@code HashVsLru}): maps,
 * programs and globals are typed accessors, and {@code struct fill_result} is a generated record. A map or
 * variable renamed in the C source is a compile error here.
 */
@BpfTest(skeleton = HashVsLru.class)
class HashVsLruSkeletonTest {
    static final int MAX_ENTRIES = 1003;
    static final int E2BIG = 7;

    HashVsLru bpf;

    @Test
    void oneFillFromTheProgramFillsTheHashAndMakesTheLruEvict() {
        bpf.fillTestRun().testRun();

        FillResult hash = bpf.hashResult();
        assertThat(hash).isEqualTo(new FillResult(MAX_ENTRIES, 1, -E2BIG, MAX_ENTRIES + 1));
        assertThat(bpf.myU32ElemMap().count()).isEqualTo(MAX_ENTRIES);
        assertThat(bpf.myU32ElemMap().lookup(MAX_ENTRIES)).contains(MAX_ENTRIES * 11);

        FillResult lru = bpf.lruResult();
        assertThat(lru.inserted()).isEqualTo(MAX_ENTRIES + 1);
        assertThat(lru.failed()).isZero();
        assertThat(bpf.myU32LruElemMap().count()).isLessThanOrEqualTo(MAX_ENTRIES);
    }

    @Test
    void aConstantSetBeforeLoadChangesWhatTheProgramDoes() {
        try (HashVsLru small = HashVsLru.load(HashVsLru.options().keysToInsert(10))) {
            small.fillTestRun().testRun();

            assertThat(small.keysToInsert()).isEqualTo(10);
            assertThat(small.hashResult()).isEqualTo(new FillResult(10, 0, 0, 10));
            assertThat(small.myU32ElemMap().count()).isEqualTo(10);
        }
    }
}
