package org.ebpfj.kernel.program;

/** How a TC program is attached: a tcx link (kernels 6.6+), the classic clsact qdisc and filter, or the first that works. */
public enum TcMode {
    /** tcx when the kernel has it, else the classic qdisc path (decided by trying tcx). */
    AUTO,
    /** A tcx {@code bpf_link} ({@code BPF_LINK_CREATE} with {@code BPF_TCX_INGRESS}/{@code EGRESS}). */
    TCX,
    /** A clsact qdisc and a direct-action filter, through netlink (every kernel with BPF TC). */
    CLASSIC
}
