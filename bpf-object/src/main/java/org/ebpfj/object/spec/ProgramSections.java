package org.ebpfj.object.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ebpfj.object.uapi.ProgramType;

/**
 * libbpf's section-name conventions ({@code section_defs} in libbpf.c, 1.x): which program type a
 * {@code SEC("...")} name implies, and what it names to attach to. A leading {@code ?} (autoload off) is ignored,
 * as libbpf does. The first matching entry wins, in libbpf's order.
 */
public final class ProgramSections {

    /** How an entry matches: exactly, or as {@code prefix} / {@code prefix/anything} (libbpf's "+" entries). */
    private enum Match { EXACT, PREFIX_PLUS }

    private record Def(String prefix, ProgramType type, Match match) {
        boolean matches(String sec) {
            if (match == Match.EXACT) {
                return sec.equals(prefix);
            }
            return sec.startsWith(prefix) && (sec.length() == prefix.length() || sec.charAt(prefix.length()) == '/');
        }
    }

    /** What a section name says about its program. */
    public record Kind(ProgramType type, String attachTarget) {
    }

    private static Def exact(String p, ProgramType t) {
        return new Def(p, t, Match.EXACT);
    }

    private static Def plus(String p, ProgramType t) {
        return new Def(p, t, Match.PREFIX_PLUS);
    }

    private static final List<Def> DEFS = List.of(
            exact("socket", ProgramType.SOCKET_FILTER),
            exact("sk_reuseport/migrate", ProgramType.SK_REUSEPORT),
            exact("sk_reuseport", ProgramType.SK_REUSEPORT),
            plus("kprobe", ProgramType.KPROBE),
            plus("uprobe", ProgramType.KPROBE),
            plus("uprobe.s", ProgramType.KPROBE),
            plus("kretprobe", ProgramType.KPROBE),
            plus("uretprobe", ProgramType.KPROBE),
            plus("uretprobe.s", ProgramType.KPROBE),
            plus("kprobe.multi", ProgramType.KPROBE),
            plus("kretprobe.multi", ProgramType.KPROBE),
            plus("kprobe.session", ProgramType.KPROBE),
            plus("uprobe.multi", ProgramType.KPROBE),
            plus("uretprobe.multi", ProgramType.KPROBE),
            plus("uprobe.session", ProgramType.KPROBE),
            plus("uprobe.multi.s", ProgramType.KPROBE),
            plus("uretprobe.multi.s", ProgramType.KPROBE),
            plus("uprobe.session.s", ProgramType.KPROBE),
            plus("ksyscall", ProgramType.KPROBE),
            plus("kretsyscall", ProgramType.KPROBE),
            plus("usdt", ProgramType.KPROBE),
            plus("usdt.s", ProgramType.KPROBE),
            exact("tc/ingress", ProgramType.SCHED_CLS),
            exact("tc/egress", ProgramType.SCHED_CLS),
            exact("tcx/ingress", ProgramType.SCHED_CLS),
            exact("tcx/egress", ProgramType.SCHED_CLS),
            exact("tc", ProgramType.SCHED_CLS),
            exact("classifier", ProgramType.SCHED_CLS),
            exact("action", ProgramType.SCHED_ACT),
            exact("netkit/primary", ProgramType.SCHED_CLS),
            exact("netkit/peer", ProgramType.SCHED_CLS),
            plus("tracepoint", ProgramType.TRACEPOINT),
            plus("tp", ProgramType.TRACEPOINT),
            plus("tracepoint.s", ProgramType.TRACEPOINT),
            plus("tp.s", ProgramType.TRACEPOINT),
            plus("raw_tracepoint", ProgramType.RAW_TRACEPOINT),
            plus("raw_tp", ProgramType.RAW_TRACEPOINT),
            plus("raw_tracepoint.s", ProgramType.RAW_TRACEPOINT),
            plus("raw_tp.s", ProgramType.RAW_TRACEPOINT),
            plus("raw_tracepoint.w", ProgramType.RAW_TRACEPOINT_WRITABLE),
            plus("raw_tp.w", ProgramType.RAW_TRACEPOINT_WRITABLE),
            plus("tp_btf", ProgramType.TRACING),
            plus("tp_btf.s", ProgramType.TRACING),
            plus("fentry", ProgramType.TRACING),
            plus("fmod_ret", ProgramType.TRACING),
            plus("fexit", ProgramType.TRACING),
            plus("fentry.s", ProgramType.TRACING),
            plus("fmod_ret.s", ProgramType.TRACING),
            plus("fexit.s", ProgramType.TRACING),
            plus("fsession", ProgramType.TRACING),
            plus("fsession.s", ProgramType.TRACING),
            plus("fsession.multi", ProgramType.TRACING),
            plus("fsession.multi.s", ProgramType.TRACING),
            plus("fentry.multi", ProgramType.TRACING),
            plus("fexit.multi", ProgramType.TRACING),
            plus("fentry.multi.s", ProgramType.TRACING),
            plus("fexit.multi.s", ProgramType.TRACING),
            plus("freplace", ProgramType.EXT),
            plus("lsm", ProgramType.LSM),
            plus("lsm.s", ProgramType.LSM),
            plus("lsm_cgroup", ProgramType.LSM),
            plus("iter", ProgramType.TRACING),
            plus("iter.s", ProgramType.TRACING),
            exact("syscall", ProgramType.SYSCALL),
            exact("xdp.frags/devmap", ProgramType.XDP),
            exact("xdp/devmap", ProgramType.XDP),
            exact("xdp.frags/cpumap", ProgramType.XDP),
            exact("xdp/cpumap", ProgramType.XDP),
            exact("xdp.frags", ProgramType.XDP),
            exact("xdp", ProgramType.XDP),
            exact("perf_event", ProgramType.PERF_EVENT),
            exact("lwt_in", ProgramType.LWT_IN),
            exact("lwt_out", ProgramType.LWT_OUT),
            exact("lwt_xmit", ProgramType.LWT_XMIT),
            exact("lwt_seg6local", ProgramType.LWT_SEG6LOCAL),
            exact("sockops", ProgramType.SOCK_OPS),
            exact("sk_skb/stream_parser", ProgramType.SK_SKB),
            exact("sk_skb/stream_verdict", ProgramType.SK_SKB),
            exact("sk_skb/verdict", ProgramType.SK_SKB),
            exact("sk_skb", ProgramType.SK_SKB),
            exact("sk_msg", ProgramType.SK_MSG),
            exact("lirc_mode2", ProgramType.LIRC_MODE2),
            exact("flow_dissector", ProgramType.FLOW_DISSECTOR),
            exact("cgroup_skb/ingress", ProgramType.CGROUP_SKB),
            exact("cgroup_skb/egress", ProgramType.CGROUP_SKB),
            exact("cgroup/skb", ProgramType.CGROUP_SKB),
            exact("cgroup/sock_create", ProgramType.CGROUP_SOCK),
            exact("cgroup/sock_release", ProgramType.CGROUP_SOCK),
            exact("cgroup/sock", ProgramType.CGROUP_SOCK),
            exact("cgroup/post_bind4", ProgramType.CGROUP_SOCK),
            exact("cgroup/post_bind6", ProgramType.CGROUP_SOCK),
            exact("cgroup/bind4", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/bind6", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/connect4", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/connect6", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/connect_unix", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/sendmsg4", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/sendmsg6", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/sendmsg_unix", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/recvmsg4", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/recvmsg6", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/recvmsg_unix", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/getpeername4", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/getpeername6", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/getpeername_unix", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/getsockname4", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/getsockname6", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/getsockname_unix", ProgramType.CGROUP_SOCK_ADDR),
            exact("cgroup/sysctl", ProgramType.CGROUP_SYSCTL),
            exact("cgroup/getsockopt", ProgramType.CGROUP_SOCKOPT),
            exact("cgroup/setsockopt", ProgramType.CGROUP_SOCKOPT),
            exact("cgroup/dev", ProgramType.CGROUP_DEVICE),
            plus("struct_ops", ProgramType.STRUCT_OPS),
            plus("struct_ops.s", ProgramType.STRUCT_OPS),
            exact("sk_lookup", ProgramType.SK_LOOKUP),
            exact("netfilter", ProgramType.NETFILTER));

    /**
     * The entries by the first character of their prefix, each list in libbpf's order: a name can only match an
     * entry that starts with its own first character, so a lookup tries a handful of entries instead of all.
     */
    private static final List<List<Def>> BY_FIRST = byFirstCharacter();

    private ProgramSections() {
    }

    private static List<List<Def>> byFirstCharacter() {
        List<List<Def>> table = new ArrayList<>(128);
        for (int c = 0; c < 128; c++) {
            table.add(new ArrayList<>());
        }
        for (Def d : DEFS) {
            table.get(d.prefix().charAt(0)).add(d); // every prefix is ASCII
        }
        return table.stream().map(List::copyOf).toList();
    }

    /**
     * The program type and attach target for a section name, e.g. {@code tracepoint/syscalls/sys_enter_execve}
     * gives TRACEPOINT and {@code syscalls/sys_enter_execve}; {@code xdp} gives XDP and "". Empty for a name libbpf
     * does not recognise (libbpf then leaves the type for user space to set).
     */
    public static Optional<Kind> classify(String sectionName) {
        String sec = sectionName.startsWith("?") ? sectionName.substring(1) : sectionName;
        if (sec.isEmpty() || sec.charAt(0) >= BY_FIRST.size()) {
            return Optional.empty();
        }
        for (Def d : BY_FIRST.get(sec.charAt(0))) {
            if (d.matches(sec)) {
                String target = d.match() == Match.PREFIX_PLUS && sec.length() > d.prefix().length()
                        ? sec.substring(d.prefix().length() + 1) : "";
                return Optional.of(new Kind(d.type(), target));
            }
        }
        return Optional.empty();
    }
}
