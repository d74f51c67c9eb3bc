package org.ebpfj.kernel;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ebpfj.kernel.error.PermissionException;
import org.ebpfj.kernel.internal.sys.Bpf;
import org.ebpfj.kernel.internal.sys.Errnos;
import org.ebpfj.kernel.internal.sys.LibbpfProbes;
import org.ebpfj.kernel.internal.sys.MapCommands;
import org.ebpfj.object.uapi.MapType;
import org.ebpfj.object.uapi.ProgramType;

/**
 * Probes whether the kernel supports a map or program type by creating the smallest valid map or loading the
 * smallest program ({@code r0 = 0; exit}) of that type. Answers are cached per process. EPERM means the probe could
 * not decide, so it throws {@link PermissionException} instead of answering "no". Types whose minimal form needs BTF
 * or an attach target (local storage, STRUCT_OPS, TRACING, LSM, EXT) use libbpf's probes, which build those.
 */
final class FeatureProbes {
    private static final Map<MapType, Boolean> MAPS = new ConcurrentHashMap<>();
    private static final Map<ProgramType, Boolean> PROGRAMS = new ConcurrentHashMap<>();
    private static final long PAGE_SIZE = 4096;
    /** BPF_F_SLEEPABLE: SYSCALL programs must be sleepable. */
    private static final int F_SLEEPABLE = 1 << 4;
    private static final long[] RETURN_ZERO = {
        0x00000000_000000b7L, // mov64 r0, 0
        0x00000000_00000095L  // exit
    };
    private static final Set<MapType> NEEDS_BTF = Set.of(MapType.SK_STORAGE, MapType.INODE_STORAGE,
            MapType.TASK_STORAGE, MapType.CGRP_STORAGE, MapType.STRUCT_OPS);
    private static final Set<ProgramType> NEEDS_TARGET = Set.of(ProgramType.TRACING, ProgramType.LSM,
            ProgramType.EXT, ProgramType.STRUCT_OPS);

    private FeatureProbes() {
    }

    static boolean map(MapType type) {
        return cached(MAPS, type, FeatureProbes::probeMap);
    }

    static boolean program(ProgramType type) {
        return cached(PROGRAMS, type, FeatureProbes::probeProgram);
    }

    /** The cached answer; a probe that throws (no privileges) is asked again next time. */
    private static <T> boolean cached(Map<T, Boolean> answers, T type, java.util.function.Predicate<T> probe) {
        Boolean known = answers.get(type);
        if (known != null) {
            return known;
        }
        boolean supported = probe.test(type);
        answers.put(type, supported);
        return supported;
    }

    private static boolean probeMap(MapType type) {
        if (type == MapType.UNSPEC) {
            return false;
        }
        if (NEEDS_BTF.contains(type)) {
            requirePrivileges("map type " + type);
            return libbpfAnswer("map type " + type, LibbpfProbes.mapType(type.id()));
        }
        long key = 4;
        long value = 4;
        long max = 1;
        long flags = 0;
        switch (type) {
            case STACK_TRACE -> value = 8;
            case LPM_TRIE -> {
                key = 8;
                value = 8;
                flags = org.ebpfj.object.uapi.MapFlag.NO_PREALLOC.mask();
            }
            case CGROUP_STORAGE, PERCPU_CGROUP_STORAGE -> {
                key = 16; // struct bpf_cgroup_storage_key
                value = 8;
                max = 0;
            }
            case QUEUE, STACK, BLOOM_FILTER -> key = 0;
            case RINGBUF, USER_RINGBUF -> {
                key = 0;
                value = 0;
                max = PAGE_SIZE;
            }
            case ARENA -> {
                key = 0;
                value = 0;
                flags = org.ebpfj.object.uapi.MapFlag.MMAPABLE.mask();
            }
            default -> {
            }
        }
        int inner = -1;
        if (type.isMapInMap()) {
            inner = MapCommands.create(MapType.HASH.id(), 4, 4, 1, 0, "", 0, 0, 0);
            if (inner < 0) {
                return answer("map type " + type, inner);
            }
        }
        try {
            int fd = MapCommands.create(type.id(), key, value, max, flags, "", Math.max(inner, 0), 0, 0);
            return answer("map type " + type, fd);
        } finally {
            if (inner >= 0) {
                Bpf.close(inner);
            }
        }
    }

    private static boolean probeProgram(ProgramType type) {
        if (type == ProgramType.UNSPEC) {
            return false;
        }
        if (NEEDS_TARGET.contains(type)) {
            requirePrivileges("program type " + type);
            // The kernel says EPERM before it looks for an attach target when policy (lockdown, a BPF LSM)
            // forbids the type; libbpf's probe would read that as "unsupported", which it is not.
            int fd = Bpf.loadProgram(type.id(), tracingAttachType(type), 0, RETURN_ZERO);
            if (fd >= 0) {
                Bpf.close(fd);
                return true;
            }
            if (-fd == Errnos.EPERM) {
                throw restricted("program type " + type);
            }
            return libbpfAnswer("program type " + type, LibbpfProbes.programType(type.id()));
        }
        int expected = switch (type) {
            case CGROUP_SOCK_ADDR -> 10; // BPF_CGROUP_INET4_CONNECT
            case LIRC_MODE2 -> 16;       // BPF_LIRC_MODE2
            case CGROUP_SOCKOPT -> 21;   // BPF_CGROUP_GETSOCKOPT
            case SK_LOOKUP -> 36;        // BPF_SK_LOOKUP
            case NETFILTER -> 45;        // BPF_NETFILTER
            default -> 0;
        };
        int flags = type == ProgramType.SYSCALL ? F_SLEEPABLE : 0;
        int fd = Bpf.loadProgram(type.id(), expected, flags, RETURN_ZERO);
        return answer("program type " + type, fd);
    }

    /** The attach type a minimal program of a target-needing type declares (fentry, LSM; 0 for the others). */
    private static int tracingAttachType(ProgramType type) {
        return switch (type) {
            case TRACING -> 24; // BPF_TRACE_FENTRY
            case LSM -> 27;     // BPF_LSM_MAC
            default -> 0;
        };
    }

    /** EPERM with every capability: the kernel knows the type, but its policy forbids it here. */
    private static PermissionException restricted(String feature) {
        Optional<String> lockdown = Kernel.lockdown();
        String reason = "the kernel refuses " + feature + " even to a process with CAP_BPF/CAP_SYS_ADMIN: "
                + lockdown.map(l -> "kernel lockdown is '" + l + "'").orElse("kernel lockdown")
                + " or a BPF LSM policy forbids it on this machine";
        return new PermissionException(feature, "loading", Errnos.EPERM, java.util.Set.of(), lockdown, reason);
    }

    /** Every capability a map type can ask for at creation (socket and device maps need CAP_NET_ADMIN). */
    private static final java.util.Set<Capability> MAP_CAPABILITIES =
            java.util.EnumSet.of(Capability.CAP_BPF, Capability.CAP_SYS_ADMIN, Capability.CAP_NET_ADMIN);

    /** A created fd means yes (and is closed); EPERM means "cannot tell"; other errors mean no. */
    private static boolean answer(String feature, int fdOrErrno) {
        if (fdOrErrno >= 0) {
            Bpf.close(fdOrErrno);
            return true;
        }
        if (-fdOrErrno == Errnos.EPERM) {
            throw permission(feature);
        }
        return false;
    }

    private static boolean libbpfAnswer(String feature, int r) {
        if (r == 1) {
            return true;
        }
        if (r == -Errnos.EPERM) {
            throw permission(feature);
        }
        return false;
    }

    private static void requirePrivileges(String feature) {
        Privileges p = Kernel.privileges();
        if (!p.canUseBpf()) {
            throw new PermissionException(feature, "probing", p.errno(), p.missing(), Optional.empty(),
                    p.reason());
        }
    }

    private static PermissionException permission(String feature) {
        Privileges p = Kernel.privileges();
        if (p.canUseBpf() && p.effective().containsAll(MAP_CAPABILITIES)) {
            // Nothing a creator could add would help: the refusal is the machine's policy (e.g. ARENA maps
            // under a BPF LSM), which a test should report as such rather than as a missing capability.
            return restricted(feature);
        }
        String reason = p.canUseBpf()
                ? "the kernel refused the probe with EPERM although bpf() is usable: " + feature
                        + " needs a capability this thread lacks (effective: " + p.effective() + ")"
                : p.reason();
        return new PermissionException(feature, "probing", Errnos.EPERM, p.missing(), Optional.empty(), reason);
    }
}
