package org.ebpfj.kernel;

import java.util.Optional;

import org.ebpfj.kernel.internal.sys.Rlimits;
import org.ebpfj.object.machine.KernelVersion;
import org.ebpfj.object.rules.RuleHistory;
import org.ebpfj.object.uapi.Errno;

/**
 * Kernels before 5.11 charge BPF map memory to RLIMIT_MEMLOCK (64 KiB by default), so a map of a few pages fails
 * with EPERM unless the limit is raised; from 5.11 the memory cgroup is charged and the limit does not matter.
 * Loaders raise it on the old kernels only (libbpf 1.0+ does the same).
 */
public final class MemlockLimit {
    private MemlockLimit() {
    }

    /**
     * Raises RLIMIT_MEMLOCK to unlimited when the running kernel charges maps to it.
     *
     * @return what was done, for a log or a skip reason; empty on 5.11+ (nothing to do)
     */
    public static Optional<String> raiseIfCharged() {
        KernelVersion v = Kernel.version();
        if (v.equals(KernelVersion.of(0, 0)) || !RuleHistory.chargesMemlock(v)) {
            return Optional.empty();
        }
        int r = Rlimits.removeMemlockLimit();
        return Optional.of(r == 0 ? "raised RLIMIT_MEMLOCK to unlimited: Linux " + v + " charges map memory to it"
                : "could not raise RLIMIT_MEMLOCK (" + Errno.nameOf(r) + "): Linux " + v + " charges map memory "
                + "to it, so maps above the limit fail with EPERM; run with CAP_SYS_RESOURCE or ulimit -l unlimited");
    }
}
