package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.kernel.Capability;
import org.ebpfj.kernel.event.PerfBufferReader;
import org.ebpfj.object.machine.KernelVersion;
import org.ebpfj.object.uapi.MapType;
import org.ebpfj.object.uapi.ProgramType;
import org.junit.jupiter.api.Test;

/** A process with some capabilities but not all a test needs gets a skip naming the missing ones. */
class CapabilityNeedsTest {

    /** A kernel where bpf() works and the process holds exactly {@code capabilities}. */
    private record Process(Set<Capability> capabilities) implements KernelFacts {
        @Override
        public Optional<String> bpfUnavailable() {
            return Optional.empty();
        }

        @Override
        public String release() {
            return "6.18.44";
        }

        @Override
        public Optional<KernelVersion> version() {
            return KernelVersion.tryParse(release());
        }

        @Override
        public boolean supports(MapType type) {
            return true;
        }

        @Override
        public boolean supports(ProgramType type) {
            return true;
        }
    }

    @RequiresCapability(Capability.CAP_NET_ADMIN)
    static class NeedsPerfmonAndNetAdmin {
        PerfBufferReader<byte[]> perf;
    }

    @Test
    void bpfWithoutPerfmonSkipsNamingPerfmon() {
        Requirements r = Requirements.of(List.of(NeedsPerfmonAndNetAdmin.class));
        assertThat(r.capabilities()).containsExactlyInAnyOrder(Capability.CAP_PERFMON, Capability.CAP_NET_ADMIN);

        Verdict v = r.evaluate(new Process(Set.of(Capability.CAP_BPF, Capability.CAP_NET_ADMIN)));

        assertThat(v.kind()).isEqualTo(Verdict.Kind.SKIP);
        assertThat(v.reason()).startsWith("needs CAP_PERFMON, which this process lacks (it has [CAP_BPF,"
                + " CAP_NET_ADMIN]): grant CAP_PERFMON");
    }

    @Test
    void sysAdminStandsInForPerfmonButNotForNetAdmin() {
        Verdict v = Requirements.of(List.of(NeedsPerfmonAndNetAdmin.class))
                .evaluate(new Process(Set.of(Capability.CAP_SYS_ADMIN)));

        assertThat(v.kind()).isEqualTo(Verdict.Kind.SKIP);
        assertThat(v.reason()).startsWith("needs CAP_NET_ADMIN, which").doesNotContain("needs CAP_PERFMON");
    }

    @Test
    void allCapabilitiesRun() {
        Verdict v = Requirements.of(List.of(NeedsPerfmonAndNetAdmin.class))
                .evaluate(new Process(Set.of(Capability.CAP_BPF, Capability.CAP_PERFMON, Capability.CAP_NET_ADMIN)));

        assertThat(v.kind()).isEqualTo(Verdict.Kind.RUN);
    }
}
