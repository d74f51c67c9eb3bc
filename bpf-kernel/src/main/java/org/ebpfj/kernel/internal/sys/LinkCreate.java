package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;

/**
 * {@code BPF_LINK_CREATE} for the link kinds libbpf 1.1 has no call for (tcx, kernels 6.6+): a program fd, a
 * target (an ifindex) and an attach type give a link fd, which detaches when closed.
 */
public final class LinkCreate {
    /** {@code enum bpf_attach_type}: BPF_TCX_INGRESS and BPF_TCX_EGRESS. */
    public static final int TCX_INGRESS = 46;
    public static final int TCX_EGRESS = 47;

    private LinkCreate() {
    }

    /** @return the link fd, or -errno */
    public static int create(int progFd, int target, int attachType) {
        Scratch s = Scratch.get();
        MemorySegment a = s.attr;
        Bpf.zero(a, BpfAttr.LinkCreate.SIZE);
        a.set(JAVA_INT, BpfAttr.LinkCreate.PROG_FD, progFd);
        a.set(JAVA_INT, BpfAttr.LinkCreate.TARGET, target);
        a.set(JAVA_INT, BpfAttr.LinkCreate.ATTACH_TYPE, attachType);
        return (int) BpfSyscall.bpf(s.state, BpfCommand.LINK_CREATE, a, BpfAttr.LinkCreate.SIZE);
    }
}
