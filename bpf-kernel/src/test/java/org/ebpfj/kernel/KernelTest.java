package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

import org.ebpfj.kernel.internal.sys.MapCommands;
import org.ebpfj.kernel.error.PermissionException;
import org.ebpfj.kernel.internal.sys.Bpf;
import org.ebpfj.object.machine.CpuList;
import org.ebpfj.object.machine.KernelVersion;
import org.ebpfj.object.uapi.MapType;
import org.ebpfj.object.uapi.ProgramType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RequireBpf.class)
@SuppressWarnings("try")
class KernelTest {
    @Test
    void versionIsTheRunningKernel() throws Exception {
        String release = Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        assertThat(Kernel.release()).isEqualTo(release);
        assertThat(Kernel.version()).isEqualTo(KernelVersion.parse(release));
        assertThat(Kernel.version().atLeast(5, 6)).isTrue();
    }

    @Test
    void possibleCpusFollowSysfs() throws Exception {
        String possible = Files.readString(Path.of("/sys/devices/system/cpu/possible")).trim();
        assertThat(Kernel.possibleCpus()).isEqualTo(CpuList.parse(possible).highest() + 1);
        assertThat(Kernel.onlineCpus().cardinality()).isBetween(1, Kernel.possibleCpus());
    }

    @Test
    void privilegesSayBpfIsUsable() {
        Privileges p = Kernel.privileges();
        assertThat(p.canUseBpf()).isTrue();
        assertThat(p.errno()).isZero();
        assertThat(p.reason()).isEqualTo("bpf() is usable");
        p.require();
    }

    @Test
    void probesCommonTypes() {
        assertThat(Kernel.supports(MapType.HASH)).isTrue();
        assertThat(Kernel.supports(MapType.LRU_HASH)).isTrue();
        assertThat(Kernel.supports(MapType.QUEUE)).isTrue();
        assertThat(Kernel.supports(MapType.RINGBUF)).isTrue();
        assertThat(Kernel.supports(MapType.TASK_STORAGE)).as("probed through libbpf (needs BTF)").isTrue();
        assertThat(Kernel.supports(MapType.UNSPEC)).isFalse();
        assertThat(Kernel.supports(ProgramType.XDP)).isTrue();
        assertThat(Kernel.supports(ProgramType.TRACEPOINT)).isTrue();
        assertThat(Kernel.supports(ProgramType.SYSCALL)).isTrue();
        assertThat(Kernel.supports(ProgramType.UNSPEC)).isFalse();
    }

    /**
     * Tracing programs (fentry/fexit) exist on every kernel this project supports; where lockdown or a BPF LSM
     * forbids them (this project's CI machine does) the probe must say so, never answer "unsupported".
     */
    @Test
    void aTracingProbeIsSupportedOrRefusedByPolicyNeverUnsupported() {
        try {
            assertThat(Kernel.supports(ProgramType.TRACING)).isTrue();
        } catch (PermissionException e) {
            assertThat(e.errno()).isEqualTo(1);
            assertThat(e.missingCapabilities()).isEmpty();
            assertThat(e.getMessage()).contains("program type TRACING").contains("lockdown");
        }
    }

    /**
     * ARENA exists on this kernel; where a policy refuses even its plainest valid definition to root (the sandbox
     * kernel of 2026-12 does) the probe must name the policy, not a capability this process holds.
     */
    @Test
    void aMapTypeRefusedToRootIsReportedAsPolicy() {
        int fd = MapCommands.create(MapType.ARENA.id(), 0, 0, 1, org.ebpfj.object.uapi.MapFlag.MMAPABLE.mask(), "", 0, 0, 0);
        if (fd >= 0) {
            Bpf.close(fd);
            assertThat(Kernel.supports(MapType.ARENA)).isTrue();
            return;
        }
        assertThat(-fd).as("the kernel's answer to a valid ARENA").isEqualTo(1);
        assertThatThrownBy(() -> Kernel.supports(MapType.ARENA)).isInstanceOf(PermissionException.class)
                .hasMessageContaining("map type ARENA").hasMessageContaining("policy")
                .satisfies(e -> assertThat(((PermissionException) e).missingCapabilities()).isEmpty());
    }

    @Test
    void pinningRestoresTheThreadsCpus() {
        BitSet before = CpuAffinity.current();
        int cpu = TestObjects.allowedCpu(0);
        try (CpuAffinity pinned = CpuAffinity.pin(cpu)) {
            assertThat(CpuAffinity.current().stream().toArray()).containsExactly(cpu);
        }
        assertThat(CpuAffinity.current()).isEqualTo(before);
        assertThatThrownBy(() -> CpuAffinity.pin(1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CPU 1000");
    }

    @Test
    void kernelObjectListsIncludeWhatWeCreate() {
        try (BpfObject o = TestObjects.load(TestObjects.SMALL)) {
            assertThat(KernelObjects.mapIds()).contains(o.rawMap("counts").info().id());
            assertThat(KernelObjects.programIds()).contains(o.program("count_packets").info().id());
            assertThat(o.program("count_packets").info().name()).isEqualTo("count_packets");
            assertThat(KernelObjects.btfIds()).isNotEmpty();
        }
    }
}
