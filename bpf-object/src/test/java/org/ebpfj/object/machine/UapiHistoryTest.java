package org.ebpfj.object.machine;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebpfj.object.uapi.MapType;
import org.ebpfj.object.uapi.ProgramType;
import org.junit.jupiter.api.Test;

/** The UAPI appends new types at the end of its enums, so the release that introduced a type never goes down. */
class UapiHistoryTest {

    @Test
    void everyProgramTypeHasAReleaseAndLaterIdsCameLater() {
        KernelVersion previous = KernelVersion.of(0, 0);
        for (ProgramType t : ProgramType.values()) {
            KernelVersion since = UapiHistory.since(t);
            if (t != ProgramType.UNSPEC) {
                assertThat(since).as("%s", t).isGreaterThan(KernelVersion.of(3, 0));
            }
            assertThat(since).as("%s after the type before it", t).isGreaterThanOrEqualTo(previous);
            previous = since;
        }
    }

    @Test
    void everyMapTypeHasAReleaseAndLaterIdsCameLater() {
        KernelVersion previous = KernelVersion.of(0, 0);
        for (MapType t : MapType.values()) {
            KernelVersion since = UapiHistory.since(t);
            assertThat(since).as("%s after the type before it", t).isGreaterThanOrEqualTo(previous);
            previous = since;
        }
    }

    @Test
    void knownMilestones() {
        assertThat(UapiHistory.since(ProgramType.XDP)).isEqualTo(KernelVersion.of(4, 8));
        assertThat(UapiHistory.since(ProgramType.SYSCALL)).isEqualTo(KernelVersion.of(5, 14));
        assertThat(UapiHistory.since(MapType.RINGBUF)).isEqualTo(KernelVersion.of(5, 8));
    }
}
