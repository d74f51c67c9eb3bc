package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.ebpfj.kernel.error.AttachException;
import org.ebpfj.kernel.error.TestRunException;
import org.ebpfj.kernel.program.AttachReport;
import org.ebpfj.kernel.program.BpfLink;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.kernel.program.ProgramInfo;
import org.ebpfj.kernel.program.TestRunOptions;
import org.ebpfj.kernel.program.TestRunResult;
import org.ebpfj.object.uapi.ProgramType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RequireBpf.class)
class ProgramTest {
    @Test
    void testRunReturnsTheVerdictAndThePacket() {
        try (BpfObject o = TestObjects.load(TestObjects.SMALL)) {
            BpfProgram p = o.program("count_packets");
            assertThat(p.type()).hasValue(ProgramType.XDP);
            assertThat(p.section()).isEqualTo("xdp");
            byte[] packet = new byte[64];
            for (int i = 0; i < packet.length; i++) {
                packet[i] = (byte) i;
            }
            o.rawMap("counts").intInt().put(0, 0);
            TestRunResult r = p.testRun(TestRunOptions.builder().dataIn(packet).repeat(5).build());
            assertThat(r.returnValue()).as("XDP_PASS").isEqualTo(2);
            assertThat(r.dataOut()).isEqualTo(packet);
            assertThat(r.durationNanos()).isNotNegative();
            assertThat(o.rawMap("counts").intInt().lookup(0)).as("five runs counted").hasValue(5);
        }
    }

    @Test
    void testRunExplainsInputTheKernelRefuses() {
        try (BpfObject o = TestObjects.load(TestObjects.SMALL)) {
            assertThatThrownBy(() -> o.program("count_packets").testRun(TestRunOptions.zeroPacket(4)))
                    .isInstanceOfSatisfying(TestRunException.class, e -> {
                        assertThat(e.errno()).isEqualTo(22);
                        assertThat(e.programName()).isEqualTo("count_packets");
                    })
                    .hasMessageContaining("at least 14 bytes");
        }
    }

    @Test
    void xdpCannotBeAttachedFromItsSectionAlone() {
        try (BpfObject o = TestObjects.load(TestObjects.SMALL)) {
            assertThatThrownBy(() -> o.program("count_packets").attach())
                    .isInstanceOfSatisfying(AttachException.class, e -> assertThat(e.target()).isEqualTo("section 'xdp'"))
                    .hasMessageContaining("needs an explicit target");
        }
    }

    @Test
    void attachingToAMissingTracepointSaysSo() {
        try (BpfObject o = TestObjects.load(TestObjects.OVERFLOW)) {
            assertThatThrownBy(() -> o.program("fill_on_exec").attachTracepoint("syscalls", "sys_enter_nothing"))
                    .isInstanceOfSatisfying(AttachException.class, e -> assertThat(e.errno()).isEqualTo(2))
                    .hasMessageContaining("tracepoint syscalls/sys_enter_nothing: ENOENT");
        }
    }

    @Test
    void linksDetachOnCloseAndWithTheirObject() {
        int kept;
        try (BpfObject o = TestObjects.load(TestObjects.OVERFLOW)) {
            BpfLink first = o.program("fill_on_exec").attach();
            int closedId = first.id();
            first.close();
            first.close(); // idempotent
            assertThat(first.isClosed()).isTrue();
            assertThat(KernelObjects.awaitGone(Set.of(closedId), KernelObjects::linkIds, 2000)).isEmpty();
            BpfLink second = o.program("fill_on_exec").attachTracepoint("syscalls", "sys_enter_execve");
            kept = second.id();
            assertThat(KernelObjects.linkIds()).contains(kept);
        }
        assertThat(KernelObjects.awaitGone(Set.of(kept), KernelObjects::linkIds, 2000)).as("closed with the object")
                .isEmpty();
    }

    @Test
    void programInfoComesFromTheKernel() {
        try (BpfObject o = TestObjects.load(TestObjects.SMALL)) {
            ProgramInfo info = o.program("count_packets").info();
            assertThat(info.type()).hasValue(ProgramType.XDP);
            assertThat(info.name()).isEqualTo("count_packets");
            assertThat(info.tag()).hasSize(16);
            assertThat(info.xlatedBytes()).isPositive();
            assertThat(info.mapCount()).isEqualTo(1);
        }
    }

    @Test
    void skippedProgramsAreNotLoaded() {
        try (BpfObject o = TestObjects.load(TestObjects.OVERFLOW,
                TestObjects.spec(TestObjects.OVERFLOW).withAutoload("fill_on_exec", false))) {
            assertThat(o.program("fill_on_exec").isLoaded()).isFalse();
            assertThat(o.program("fill_xdp").isLoaded()).isTrue();
            assertThatThrownBy(() -> o.program("fill_on_exec").attach()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not loaded");
        }
    }

    @Test
    void attachAllSkipsProgramsWithoutAnAutoAttachTargetAndSaysWhy() {
        try (BpfObject o = TestObjects.load(TestObjects.OVERFLOW)) {
            AttachReport report = o.attachAll();
            assertThat(report.attached()).containsExactly("fill_on_exec");
            assertThat(report.left()).extracting(AttachReport.Left::program).containsExactly("fill_xdp");
            assertThat(report.left().get(0).kind()).isEqualTo("XDP 'xdp'");
            assertThat(report.left().get(0).reason()).contains("needs an explicit target")
                    .contains("NetworkAttachments.xdp");
            assertThat(report.render()).contains("1 attached, 1 left").contains("left fill_xdp (XDP 'xdp')");
        }
    }

    @Test
    void attachAllLeavesProgramsThatAreNotLoaded() {
        try (BpfObject o = TestObjects.load(TestObjects.OVERFLOW, TestObjects.spec(TestObjects.OVERFLOW)
                .withAutoload("fill_on_exec", false))) {
            AttachReport report = o.attachAll();
            assertThat(report.links()).isEmpty();
            assertThat(report.left()).extracting(AttachReport.Left::program, AttachReport.Left::reason)
                    .contains(org.assertj.core.groups.Tuple.tuple("fill_on_exec", "not loaded (autoload off)"));
        }
    }
}
