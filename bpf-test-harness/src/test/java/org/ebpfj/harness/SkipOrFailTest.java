package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.Kernel;
import org.ebpfj.object.uapi.ProgramType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * Skips and failures as JUnit reports them, on the real kernel: a skip is visible as a skip with its reason, never a
 * pass; strict mode reports the same reason as a failure. (Missing privileges: see {@link PrivilegeSkipTest}.)
 */
@ExtendWith(RequireKernelAccess.class)
class SkipOrFailTest {
    private static final String TOO_NEW = "99.0";

    @TestKit.Fixture
    @BpfTest(object = "bpf/kinds.bpf.o")
    static class NeedsAFutureKernel {
        @Test
        @RequiresKernel(TOO_NEW)
        void needsTheFuture(BpfObject object) {
        }

        @Test
        void runsToday(BpfObject object) {
        }
    }

    @TestKit.Fixture
    @RequiresKernel(TOO_NEW)
    @BpfTest(object = "bpf/kinds.bpf.o", lifecycle = BpfTest.Lifecycle.PER_CLASS)
    static class PerClassNeedsAFutureKernel {
        static BpfObject shared;

        @Test
        void test() {
        }
    }

    /** LIRC_MODE2 needs CONFIG_BPF_LIRC_MODE2, which many kernels leave out though they are new enough. */
    @TestKit.Fixture
    static class NeedsLircMode2 {
        @Test
        @RequiresProgramType(ProgramType.LIRC_MODE2)
        void test() {
        }
    }

    @Test
    void aMissingRequirementIsASkipWithTheReasonAndOtherTestsRun() {
        EngineExecutionResults r = TestKit.run(NeedsAFutureKernel.class);

        r.testEvents().assertStatistics(s -> s.skipped(1).succeeded(1).failed(0));
        Event skipped = r.testEvents().skipped().list().get(0);
        assertThat(TestKit.reasonOf(skipped)).isEqualTo("needs Linux 99.0 or later; this kernel is "
                + Kernel.release());
    }

    @Test
    void strictModeFailsWithTheSameReason() {
        EngineExecutionResults r = TestKit.run(NeedsAFutureKernel.class, StrictMode.PROPERTY, "true");

        r.testEvents().assertStatistics(s -> s.skipped(0).succeeded(1).failed(1));
        assertThat(TestKit.failureOf(r, "needsTheFuture")).isEqualTo("AssertionError: would be skipped, but"
                + " bpf.test.strict=true turns skips into failures: needs Linux 99.0 or later; this kernel is "
                + Kernel.release());
    }

    @Test
    void aPerClassObjectSkipsOrFailsTheWholeClass() {
        EngineExecutionResults lenient = TestKit.run(PerClassNeedsAFutureKernel.class);
        Event skipped = lenient.containerEvents().skipped().list().get(0);
        assertThat(TestKit.reasonOf(skipped)).startsWith("needs Linux 99.0 or later");
        lenient.testEvents().assertStatistics(s -> s.started(0).succeeded(0));

        EngineExecutionResults strict = TestKit.run(PerClassNeedsAFutureKernel.class, StrictMode.PROPERTY, "true");
        Event failed = strict.containerEvents().failed().list().get(0);
        assertThat(TestKit.reasonOf(failed)).contains("bpf.test.strict=true").contains("needs Linux 99.0 or later");
    }

    /** Either this kernel loads LIRC_MODE2 programs and the test runs, or it is new enough and the test fails. */
    @Test
    void aTypeTheKernelShouldHaveButRefusesFailsEvenWithoutStrictMode() {
        EngineExecutionResults r = TestKit.run(NeedsLircMode2.class);

        if (Kernel.supports(ProgramType.LIRC_MODE2)) {
            r.testEvents().assertStatistics(s -> s.succeeded(1));
        } else {
            r.testEvents().assertStatistics(s -> s.failed(1).skipped(0));
            assertThat(TestKit.failureOf(r, "test")).contains("program type LIRC_MODE2 should be available: it"
                    + " arrived in Linux 4.18 and this kernel is " + Kernel.version());
        }
    }
}
