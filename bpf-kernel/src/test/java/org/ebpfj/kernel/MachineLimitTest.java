package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebpfj.kernel.error.BpfException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each limit's probe agrees with what the kernel does to a real request of that kind. */
@ExtendWith(RequireBpf.class)
class MachineLimitTest {
    @Test
    void trampolinesRefusedExactlyWhenAFentryObjectCannotLoad() {
        boolean loaded;
        try (BpfObject ignored = TestObjects.load(TestObjects.FENTRY)) {
            loaded = true;
        } catch (BpfException e) {
            assertThat(e.errno()).as("the refusal: %s", e.getMessage()).isEqualTo(1);
            loaded = false;
        }
        assertThat(MachineLimit.TRAMPOLINES_REFUSED.isPresent()).isEqualTo(!loaded);
    }

    @Test
    void noKprobesExactlyWhenTheKernelListsNoKprobeEvents() {
        boolean kprobeEvents = java.nio.file.Files.exists(java.nio.file.Path.of("/sys/kernel/tracing/kprobe_events"))
                || java.nio.file.Files.exists(java.nio.file.Path.of("/sys/kernel/debug/tracing/kprobe_events"));
        if (kprobeEvents) {
            assertThat(MachineLimit.NO_KPROBES.isPresent()).isFalse();
        }
        assertThat(MachineLimit.NO_KPROBES.evidence().isPresent()).isEqualTo(MachineLimit.NO_KPROBES.isPresent());
    }

    @Test
    void aLimitExcusesOnlyWhenPresentAndIsSummarised() {
        RuntimeException refusal = new RuntimeException("refused\nsecond line");
        for (MachineLimit limit : MachineLimit.values()) {
            var excuse = limit.excuses("MachineLimitTest " + limit, refusal);
            assertThat(excuse.isPresent()).as("%s", limit).isEqualTo(limit.isPresent());
            excuse.ifPresent(r -> assertThat(r).startsWith("known machine limit " + limit.name())
                    .contains(limit.evidence().orElseThrow()).contains("refused: refused").doesNotContain("second"));
            if (limit.isPresent()) {
                assertThat(MachineLimit.summary()).anyMatch(l -> l.startsWith(limit.name())
                        && l.contains("MachineLimitTest " + limit));
            }
        }
    }
}
