package org.ebpfj.kernel;

import java.util.EnumSet;
import java.util.Set;

/** The Linux capabilities that decide what a process may do with BPF (include/uapi/linux/capability.h). */
public enum Capability {
    CAP_NET_ADMIN(12),
    CAP_SYS_ADMIN(21),
    CAP_SYS_RESOURCE(24),
    CAP_PERFMON(38),
    CAP_BPF(39);

    private final int bit;

    Capability(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public boolean isIn(long mask) {
        return (mask & (1L << bit)) != 0;
    }

    /** The capabilities of this enum present in a {@code CapEff}-style mask. */
    public static Set<Capability> in(long mask) {
        EnumSet<Capability> s = EnumSet.noneOf(Capability.class);
        for (Capability c : values()) {
            if (c.isIn(mask)) {
                s.add(c);
            }
        }
        return s;
    }
}
