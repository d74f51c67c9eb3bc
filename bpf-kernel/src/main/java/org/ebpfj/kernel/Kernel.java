package org.ebpfj.kernel;

import java.util.BitSet;
import java.util.Optional;

import org.ebpfj.kernel.internal.sys.Bpf;
import org.ebpfj.kernel.internal.sys.MapCommands;
import org.ebpfj.object.machine.KernelVersion;
import org.ebpfj.object.machine.Machine;

/**
 * Facts about the running kernel and the calling process that decide what BPF can do here. The files are read by
 * bpf-object's {@link Machine} (the one reader of /proc and /sys); this class adds what only the live kernel can
 * answer (privileges, probes) and the defaults the live layer works with.
 */
public final class Kernel {
    private static final Machine MACHINE = Machine.running();

    private Kernel() {
    }

    /**
     * The running kernel's version, as the offline rules compare versions ({@code major.minor.patch} of
     * {@link #release()}; 0.0 when the release cannot be read).
     */
    public static KernelVersion version() {
        return MACHINE.version().orElse(KernelVersion.of(0, 0));
    }

    /** The running kernel's full release string, e.g. {@code 6.18.44-fc-v782}; "unknown" when unreadable. */
    public static String release() {
        return MACHINE.release().orElse("unknown");
    }

    /**
     * The number of possible CPUs (the highest possible CPU id + 1): what per-CPU maps size their values by in user
     * space, and what the LRU free-list batches depend on.
     */
    public static int possibleCpus() {
        return MACHINE.possibleCpus().orElseThrow(() -> new IllegalStateException("cannot read the possible CPUs"
                + " (/sys/devices/system/cpu/possible): per-CPU value sizes are unknown")).highest() + 1;
    }

    /** The kernel's page size (what mmap-ed maps are sized in); 4096 when it cannot be read. */
    public static int pageSize() {
        return MACHINE.pageSize().orElse(4096);
    }

    /** Whether the kernel has a perf event source (PMU) of this name, e.g. {@code kprobe}. */
    static boolean hasEventSource(String name) {
        return MACHINE.hasEventSource(name);
    }

    /** The CPUs online now; CPU 0 alone when unreadable. */
    public static BitSet onlineCpus() {
        return MACHINE.onlineCpus().map(c -> c.bits()).orElseGet(() -> {
            BitSet one = new BitSet();
            one.set(0);
            return one;
        });
    }

    /** The effective capability mask of the calling thread; 0 when unreadable. */
    public static long effectiveCapabilities() {
        return MACHINE.effectiveCapabilities().orElse(0);
    }

    /** {@code kernel.unprivileged_bpf_disabled}: 0 (allowed), 1 or 2 (privileged only); -1 when unreadable. */
    public static int unprivilegedBpfDisabled() {
        return MACHINE.unprivilegedBpfDisabled().orElse(-1);
    }

    /** The kernel lockdown mode ({@code none}, {@code integrity}, {@code confidentiality}), when known. */
    public static Optional<String> lockdown() {
        return MACHINE.lockdown();
    }

    /** Asks the kernel whether this thread can use bpf(): creates (and closes) a one-element ARRAY. */
    public static Privileges privileges() {
        long caps = effectiveCapabilities();
        var effective = Capability.in(caps);
        int unpriv = unprivilegedBpfDisabled();
        int fd = MapCommands.create(org.ebpfj.object.uapi.MapType.ARRAY.id(), 4, 4, 1, 0, "ebpfj_probe", 0, 0, 0);
        if (fd >= 0) {
            Bpf.close(fd);
            return new Privileges(true, 0, effective, unpriv, "bpf() is usable");
        }
        int errno = -fd;
        String reason;
        if (errno == 1) {
            boolean bpf = effective.contains(Capability.CAP_BPF);
            boolean admin = effective.contains(Capability.CAP_SYS_ADMIN);
            if (!bpf && !admin) {
                reason = "BPF_MAP_CREATE failed with EPERM: the process has neither CAP_BPF nor CAP_SYS_ADMIN"
                        + (unpriv > 0 ? " and kernel.unprivileged_bpf_disabled=" + unpriv
                        + " reserves bpf() for processes with one of them" : "")
                        + " (effective capabilities: " + describeCaps(caps) + ")";
            } else {
                reason = "BPF_MAP_CREATE failed with EPERM although the process has "
                        + (bpf ? "CAP_BPF" : "CAP_SYS_ADMIN") + ": a security module (LSM) or seccomp refused it";
            }
        } else {
            reason = "BPF_MAP_CREATE failed with " + org.ebpfj.object.uapi.Errno.nameOf(errno)
                    + (errno == 38 ? ": the kernel has no bpf() (CONFIG_BPF_SYSCALL unset)" : "");
        }
        return new Privileges(false, errno, effective, unpriv, reason);
    }

    /** Whether the kernel can create maps of this type (a cached probe; see {@link FeatureProbes}). */
    public static boolean supports(org.ebpfj.object.uapi.MapType type) {
        return FeatureProbes.map(type);
    }

    /** Whether the kernel can load programs of this type (a cached probe; see {@link FeatureProbes}). */
    public static boolean supports(org.ebpfj.object.uapi.ProgramType type) {
        return FeatureProbes.program(type);
    }

    static String describeCaps(long caps) {
        if (caps == 0) {
            return "none";
        }
        var known = Capability.in(caps);
        return "0x" + Long.toHexString(caps) + (known.isEmpty() ? "" : ", including " + known);
    }
}
