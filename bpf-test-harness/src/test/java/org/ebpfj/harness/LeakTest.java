package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.KernelObjects;
import org.ebpfj.kernel.map.PerCpuMap;
import org.ebpfj.kernel.map.QueueMap;
import org.ebpfj.kernel.program.BpfProgram;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A thousand @BpfTest invocations, each loading the object and injecting handles, some attaching a tracepoint
 * program, one in five failing, leave no descriptors in this process and no maps, programs or links in the kernel.
 * (Only 50 attach: detaching a tracepoint waits for the kernel's RCU grace periods, about 50 ms here.)
 */
@ExtendWith(RequireKernelAccess.class)
class LeakTest {
    private static final int PLAIN = 950;
    private static final int ATTACHING = 50;
    private static final int INVOCATIONS = PLAIN + ATTACHING;
    private static final SeenIds SEEN = new SeenIds();

    @TestKit.Fixture
    @BpfTest(object = "bpf/kinds.bpf.o")
    static class ManyInvocations {
        @MapRef("packets_per_cpu") PerCpuMap<Integer, Long> counts;

        @RepeatedTest(PLAIN)
        void loadAndInject(RepetitionInfo info, BpfObject object, @MapRef("packet_sizes") QueueMap<Integer> sizes) {
            sizes.push(info.getCurrentRepetition());
            counts.putAllCpus(0, 1L, org.ebpfj.kernel.map.UpdateFlag.ANY);
            if (info.getCurrentRepetition() % 100 == 1) {
                record(object);
            }
            failSometimes(info);
        }

        @RepeatedTest(ATTACHING)
        void loadInjectAndAttach(RepetitionInfo info, BpfObject object,
                                 @Attach @ProgramRef("count_getppid") BpfProgram onGetppid) {
            record(object);
            SEEN.links.addAll(KernelObjects.linkIds());
            failSometimes(info);
        }

        private static void record(BpfObject object) {
            SEEN.maps.add(object.rawMap("flows").info().id());
            SEEN.programs.add(object.program("count_packet").info().id());
        }

        private static void failSometimes(RepetitionInfo info) {
            if (info.getCurrentRepetition() % 5 == 0) {
                throw new AssertionError("every fifth invocation fails on purpose");
            }
        }
    }

    @Test
    void aThousandInvocationsLeaveNothingBehind() {
        List<String> fdsBefore = TestKit.bpfFds();
        Set<Integer> linksBefore = KernelObjects.linkIds();

        long start = System.nanoTime();
        EngineExecutionResults r = TestKit.run(ManyInvocations.class);
        long elapsed = System.nanoTime() - start;
        System.out.printf("LeakTest: %d @BpfTest invocations (%d attaching) took %.1f s%n", INVOCATIONS, ATTACHING,
                elapsed / 1e9);

        r.testEvents().assertStatistics(s -> s.started(INVOCATIONS).succeeded(INVOCATIONS * 4 / 5)
                .failed(INVOCATIONS / 5));
        SEEN.links.removeAll(linksBefore);
        assertThat(SEEN.maps).hasSize(PLAIN / 100 + 1 + ATTACHING);
        assertThat(SEEN.links).as("the tests saw their links").isNotEmpty();
        assertThat(TestKit.bpfFds()).as("BPF descriptors of this process").isEqualTo(fdsBefore);
        SEEN.assertNoneLeft();
        assertThat(KernelObjects.linkIds()).as("links now").isEqualTo(linksBefore);
    }
}
