package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ebpfj.kernel.CpuAffinity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@link PinnedToCpu} pins the thread that runs the test and its before/after methods, and restores it after. */
class CpuPinningTest {
    private static final Map<String, BitSet> SEEN = new ConcurrentHashMap<>();

    @TestKit.Fixture
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Pinning {
        @BeforeEach
        void before(org.junit.jupiter.api.TestInfo info) {
            SEEN.put("before " + info.getDisplayName(), CpuAffinity.current());
        }

        @AfterEach
        void after(org.junit.jupiter.api.TestInfo info) {
            SEEN.put("after " + info.getDisplayName(), CpuAffinity.current());
        }

        @Test
        @Order(1)
        @PinnedToCpu
        void pinnedToTheFirstAllowedCpu() {
            SEEN.put("pinned", CpuAffinity.current());
        }

        @Test
        @Order(2)
        void notPinned() {
            SEEN.put("not pinned", CpuAffinity.current());
        }

        @Test
        @Order(3)
        @PinnedToCpu(4095)
        void needsACpuThisMachineLacks() {
        }
    }

    @Test
    void theTestThreadIsPinnedForTheTestAndRestoredAfter() {
        BitSet allowed = CpuAffinity.current();

        EngineExecutionResults r = TestKit.run(Pinning.class);

        r.testEvents().assertStatistics(s -> s.succeeded(2).skipped(1));
        BitSet first = new BitSet();
        first.set(allowed.nextSetBit(0));
        assertThat(SEEN.get("pinned")).isEqualTo(first);
        assertThat(SEEN.get("before pinnedToTheFirstAllowedCpu()")).isEqualTo(first);
        assertThat(SEEN.get("after pinnedToTheFirstAllowedCpu()")).isEqualTo(first);
        assertThat(SEEN.get("not pinned")).isEqualTo(allowed);
        assertThat(CpuAffinity.current()).isEqualTo(allowed);
        assertThat(TestKit.reasonOf(r.testEvents().skipped().list().get(0)))
                .startsWith("@PinnedToCpu(4095) needs CPU 4095, but this thread may run only on CPUs " + allowed);
    }

    @Test
    void strictModeFailsATestWhoseCpuIsMissing() {
        EngineExecutionResults r = TestKit.run(Pinning.class, StrictMode.PROPERTY, "true");

        r.testEvents().assertStatistics(s -> s.succeeded(2).failed(1));
        assertThat(TestKit.failureOf(r, "needsACpuThisMachineLacks")).contains("bpf.test.strict=true")
                .contains("needs CPU 4095");
    }
}
