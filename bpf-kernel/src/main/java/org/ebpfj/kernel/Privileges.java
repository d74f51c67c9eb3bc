package org.ebpfj.kernel;

import java.util.EnumSet;
import java.util.Set;

import org.ebpfj.kernel.error.PermissionException;

/**
 * What the calling thread may do with BPF, found by asking the kernel (creating a one-element ARRAY) and reading
 * the thread's effective capabilities.
 *
 * @param canUseBpf   whether BPF_MAP_CREATE succeeded
 * @param errno       the errno of the probe when it failed, else 0
 * @param effective   the BPF-relevant capabilities the thread has
 * @param unprivilegedBpfDisabled {@code kernel.unprivileged_bpf_disabled}, or -1 when unreadable
 * @param reason      a sentence for people: what is missing, or "bpf() is usable"
 */
public record Privileges(boolean canUseBpf, int errno, Set<Capability> effective, int unprivilegedBpfDisabled,
                         String reason) {

    public Privileges {
        effective = effective.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(effective));
    }

    /**
     * Capabilities the kernel wants for BPF that the thread lacks. The kernel accepts CAP_SYS_ADMIN in place of
     * CAP_BPF and CAP_PERFMON, so with CAP_SYS_ADMIN nothing is reported missing here.
     */
    public Set<Capability> missing() {
        EnumSet<Capability> m = EnumSet.noneOf(Capability.class);
        if (effective.contains(Capability.CAP_SYS_ADMIN)) {
            return m;
        }
        for (Capability c : new Capability[] {Capability.CAP_BPF, Capability.CAP_PERFMON, Capability.CAP_NET_ADMIN}) {
            if (!effective.contains(c)) {
                m.add(c);
            }
        }
        if (!effective.contains(Capability.CAP_BPF)) {
            m.add(Capability.CAP_SYS_ADMIN);
        }
        return m;
    }

    /** Throws a {@link PermissionException} carrying {@link #reason()} when bpf() is not usable. */
    public void require() {
        if (!canUseBpf) {
            throw new PermissionException("bpf()", "using", errno, missing(), Kernel.lockdown(), reason);
        }
    }
}
