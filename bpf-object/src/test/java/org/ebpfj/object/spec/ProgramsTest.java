package org.ebpfj.object.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebpfj.object.testing.TestSources.lineOf;

import java.util.List;
import java.util.Optional;

import org.ebpfj.object.testing.TestObjects;
import org.ebpfj.object.uapi.ProgramType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgramsTest {

    private static ProgramSpec program(String name, String section, ProgramType type, String target, int insns,
                                       String source) {
        return new ProgramSpec(name, section, Optional.ofNullable(type), target, insns,
                new SourceLocation("objects/" + source, lineOf(source, "int " + name + "("), 0));
    }

    @Test
    void readsTheTracepointAndXdpProgramsOfTheMapsObject() throws Exception {
        ObjectSpec spec = ObjectSpecReader.read(TestObjects.bytes(TestObjects.MAPS_VALID), "maps_valid.bpf.o");
        String src = "maps_valid.bpf.c";
        // Instruction counts are those of the committed objects (clang 20, -O2).
        ProgramSpec tailOne = new ProgramSpec("tail_one", "xdp", Optional.of(ProgramType.XDP), "", 2,
                new SourceLocation("objects/" + src, org.ebpfj.object.testing.TestSources.lineExactly(src,
                        "int tail_one(void *ctx)"), 0));
        assertThat(spec.programs()).containsExactly(tailOne,
                program("xdp_count", "xdp", ProgramType.XDP, "", 23, src),
                program("on_execve", "tracepoint/syscalls/sys_enter_execve", ProgramType.TRACEPOINT,
                        "syscalls/sys_enter_execve", 19, src));
    }

    @Test
    void classifiesSectionsByLibbpfConventionsAndSkipsSubprograms() throws Exception {
        ObjectSpec spec = ObjectSpecReader.read(TestObjects.bytes(TestObjects.PROGRAMS), "programs.bpf.o");
        String src = "programs.bpf.c";

        assertThat(spec.problems()).isEmpty();
        assertThat(spec.maps()).isEmpty();
        assertThat(spec.programs()).containsExactlyElementsOf(List.of(
                program("on_unlink", "kprobe/do_unlinkat", ProgramType.KPROBE, "do_unlinkat", 2, src),
                program("on_unlink_ret", "kretprobe/do_unlinkat", ProgramType.KPROBE, "do_unlinkat", 2, src),
                program("on_unlink_entry", "fentry/do_unlinkat", ProgramType.TRACING, "do_unlinkat", 2, src),
                program("on_unlink_exit", "fexit/do_unlinkat", ProgramType.TRACING, "do_unlinkat", 2, src),
                program("check_open", "lsm/file_open", ProgramType.LSM, "file_open", 2, src),
                program("on_switch", "raw_tp/sched_switch", ProgramType.RAW_TRACEPOINT, "sched_switch", 2, src),
                program("on_wakeup", "tp_btf/sched_wakeup", ProgramType.TRACING, "sched_wakeup", 2, src),
                program("cg_ingress", "cgroup_skb/ingress", ProgramType.CGROUP_SKB, "", 2, src),
                program("cg_connect", "cgroup/connect4", ProgramType.CGROUP_SOCK_ADDR, "", 2, src),
                program("tc_filter", "tc", ProgramType.SCHED_CLS, "", 2, src),
                program("legacy_classifier", "classifier", ProgramType.SCHED_CLS, "", 2, src),
                program("tcx_in", "tcx/ingress", ProgramType.SCHED_CLS, "", 2, src),
                program("sock_filter", "socket", ProgramType.SOCKET_FILTER, "", 2, src),
                program("run_syscall", "syscall", ProgramType.SYSCALL, "", 2, src),
                program("ops_init", "struct_ops/tcp_init", ProgramType.STRUCT_OPS, "tcp_init", 2, src),
                program("on_readline", "uprobe//usr/bin/bash:readline", ProgramType.KPROBE,
                        "/usr/bin/bash:readline", 2, src),
                program("xdp_optional", "?xdp", ProgramType.XDP, "", 2, src),
                program("xdp_frags", "xdp.frags", ProgramType.XDP, "", 2, src),
                program("on_sample", "perf_event", ProgramType.PERF_EVENT, "", 2, src),
                program("unknown_kind", "my_custom_section", null, "", 2, src),
                program("tp_without_target", "tracepoint", ProgramType.TRACEPOINT, "", 2, src),
                program("multi_probe", "kprobe.multi/do_*", ProgramType.KPROBE, "do_*", 2, src)));
        assertThat(spec.program("helper_sub")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "tp/syscalls/sys_enter_openat | TRACEPOINT | syscalls/sys_enter_openat",
            "tracepoint.s/syscalls/x      | TRACEPOINT | syscalls/x",
            "raw_tracepoint.w/foo         | RAW_TRACEPOINT_WRITABLE | foo",
            "fmod_ret/security_x          | TRACING | security_x",
            "iter/task                    | TRACING | task",
            "freplace/handler             | EXT | handler",
            "lsm.s/bprm_check             | LSM | bprm_check",
            "ksyscall/openat              | KPROBE | openat",
            "usdt/lib:prov:name           | KPROBE | lib:prov:name",
            "sk_reuseport/migrate         | SK_REUSEPORT | ''",
            "sk_skb/stream_verdict        | SK_SKB | ''",
            "cgroup/sock_create           | CGROUP_SOCK | ''",
            "cgroup/getsockopt            | CGROUP_SOCKOPT | ''",
            "xdp/devmap                   | XDP | ''",
            "netfilter                    | NETFILTER | ''",
            "?tc                          | SCHED_CLS | ''",
            "kprobefoo                    | none | ''",
            "xdp/whatever                 | none | ''",
            "socket/extra                 | none | ''",
    })
    void classifiesSectionNames(String section, ProgramType type, String target) {
        Optional<ProgramSections.Kind> kind = ProgramSections.classify(section);
        if (type == null) {
            assertThat(kind).isEmpty();
        } else {
            assertThat(kind).contains(new ProgramSections.Kind(type, target));
        }
    }
}
