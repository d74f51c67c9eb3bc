package org.ebpfj.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebpfj.kernel.Kernel;
import org.ebpfj.kernel.Privileges;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs every benchmark method once, small, against the real kernel, so that a benchmark that no longer measures
 * what it claims (a walk that misses entries, an open that fails) breaks the build instead of the next bench run.
 */
class BenchmarkSmokeTest {

    @BeforeAll
    static void kernelReachable() {
        Privileges p = Kernel.privileges();
        boolean strict = org.ebpfj.object.machine.StrictMode.isOn();
        if (strict && !p.canUseBpf()) {
            throw new AssertionError("strict mode (bpf.test.strict=true) and no usable bpf(): " + p.reason());
        }
        Assumptions.assumeTrue(p.canUseBpf(), () -> "no usable bpf(): " + p.reason());
    }

    @Test
    void mapOperationsHitTheWorkingSet() {
        for (String type : new String[] {"HASH", "LRU_HASH", "ARRAY"}) {
            MapOpsBenchmark b = new MapOpsBenchmark();
            b.mapType = type;
            b.createAndFill();
            try {
                assertThat(b.lookup()).as(type + ": key 0, as filled").isZero();
                b.update();
                assertThat(b.lookupBoxed()).as(type + ": key 2, as filled").isEqualTo(2);
                b.updateBoxed();
                assertThat(b.lookup()).as(type + ": key 4, as filled").isEqualTo(4);
                assertThat(b.valueOf(1)).as(type + ": key 1, updated").isEqualTo(7);
                assertThat(b.valueOf(3)).as(type + ": key 3, updated through the boxed view").isEqualTo(7);
            } finally {
                b.close();
            }
        }
    }

    @Test
    void everyWalkSeesEveryEntry() {
        IterationBenchmark b = new IterationBenchmark();
        b.entries = 10_000;
        b.createAndFill();
        try {
            long sum = 10_000L * 9_999 / 2;
            assertThat(b.batch()).isEqualTo(sum);
            assertThat(b.getNextKey()).isEqualTo(sum);
            assertThat(b.batchBoxed()).isEqualTo(sum);
        } finally {
            b.close();
        }
    }

    @Test
    void bothOpensReadEveryObject() throws Exception {
        assertThat(ObjectOpenBenchmark.objects()).hasSizeGreaterThan(10);
        for (String object : ObjectOpenBenchmark.objects()) {
            ObjectOpenBenchmark b = new ObjectOpenBenchmark();
            b.object = object;
            b.readObject();
            try {
                assertThat(b.parseAndCheck()).as(object).isNotNull();
                b.libbpfOpen();
            } finally {
                b.free();
            }
        }
    }

    @Test
    void generatedHandWrittenAndRawPathsReadTheSameValues() throws Exception {
        RecordCodecBenchmark b = new RecordCodecBenchmark();
        b.createAndFill();
        try {
            assertThat(b.lookupGenerated()).isEqualTo(RecordCodecBenchmark.value(0));
            RecordCodecBenchmark.PaddedByHand h = b.lookupHandWritten();
            assertThat(h.pid()).isEqualTo(1);
            assertThat(h.stamp()).isEqualTo(1_000_000_000_002L - 1);
            assertThat(b.lookupRaw()).isEqualTo(1_000_000_000_002L);
            b.updateGenerated();
            b.updateHandWritten();
            b.updateRaw();
            assertThat(b.lookupGenerated()).isEqualTo(RecordCodecBenchmark.value(6));
            // the codec-only paths write the same bytes and read them back alike
            byte[] generated = b.encodeGenerated().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            b.encodeHandWritten();
            b.encodeRaw();
            assertThat(b.decodeRaw()).isEqualTo(1 + 9 + 2 + 9 + 3); // key 9: the tenth operation
            assertThat(b.decodeGenerated()).isEqualTo(new org.ebpfj.bench.generated.shapes.Padded((byte) 1, 9,
                    (short) 2, 9, 3));
            assertThat(b.decodeHandWritten().pid()).isEqualTo(9);
            assertThat(generated).hasSize(32);
        } finally {
            b.close();
        }
    }

    @Test
    void eventDrainsTakeEveryEventTheProducerWrote() throws Exception {
        for (String buffer : new String[] {"ring", "perf"}) {
            EventDrainBenchmark b = new EventDrainBenchmark();
            b.buffer = buffer;
            b.load();
            try {
                b.refill();
                b.drain(); // throws unless exactly EVENTS events were drained
                assertThat(b.dropped()).as(buffer + ": nothing dropped").isZero();
            } finally {
                b.close();
            }
        }
    }
}
