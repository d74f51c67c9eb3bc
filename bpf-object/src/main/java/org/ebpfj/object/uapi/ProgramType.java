package org.ebpfj.object.uapi;

import java.util.Locale;
import java.util.Optional;

/** The kernel's {@code enum bpf_prog_type}, in UAPI order. Names drop the {@code BPF_PROG_TYPE_} prefix. */
public enum ProgramType {
    UNSPEC(0),
    SOCKET_FILTER(1),
    KPROBE(2),
    SCHED_CLS(3),
    SCHED_ACT(4),
    TRACEPOINT(5),
    XDP(6),
    PERF_EVENT(7),
    CGROUP_SKB(8),
    CGROUP_SOCK(9),
    LWT_IN(10),
    LWT_OUT(11),
    LWT_XMIT(12),
    SOCK_OPS(13),
    SK_SKB(14),
    CGROUP_DEVICE(15),
    SK_MSG(16),
    RAW_TRACEPOINT(17),
    CGROUP_SOCK_ADDR(18),
    LWT_SEG6LOCAL(19),
    LIRC_MODE2(20),
    SK_REUSEPORT(21),
    FLOW_DISSECTOR(22),
    CGROUP_SYSCTL(23),
    RAW_TRACEPOINT_WRITABLE(24),
    CGROUP_SOCKOPT(25),
    TRACING(26),
    STRUCT_OPS(27),
    EXT(28),
    LSM(29),
    SK_LOOKUP(30),
    SYSCALL(31),
    NETFILTER(32);

    private static final ProgramType[] BY_ID = values();

    private final int id;

    ProgramType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public String kernelName() {
        return "BPF_PROG_TYPE_" + name();
    }

    public static Optional<ProgramType> byId(long id) {
        return id >= 0 && id < BY_ID.length ? Optional.of(BY_ID[(int) id]) : Optional.empty();
    }

    public static Optional<ProgramType> byName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("BPF_PROG_TYPE_")) {
            n = n.substring("BPF_PROG_TYPE_".length());
        }
        for (ProgramType t : BY_ID) {
            if (t.name().equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether BPF_PROG_TEST_RUN can run programs of this type without attaching them. */
    public boolean supportsTestRun() {
        switch (this) {
            case SOCKET_FILTER:
            case SCHED_CLS:
            case SCHED_ACT:
            case XDP:
            case CGROUP_SKB:
            case LWT_IN:
            case LWT_OUT:
            case LWT_XMIT:
            case LWT_SEG6LOCAL:
            case FLOW_DISSECTOR:
            case RAW_TRACEPOINT:
            case TRACING:
            case SK_LOOKUP:
            case SYSCALL:
            case NETFILTER:
            case STRUCT_OPS:
                return true;
            default:
                return false;
        }
    }
}
