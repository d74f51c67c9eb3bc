package org.ebpfj.kernel.error;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.kernel.Capability;
import org.ebpfj.kernel.Kernel;
import org.ebpfj.kernel.Privileges;
import org.ebpfj.kernel.internal.sys.Errnos;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.ProgramType;

/**
 * Explains a failed {@code bpf_object__load} from structured facts ({@link LoadFacts}): the program whose verifier
 * log the kernel wrote, the map the kernel refuses, the errno, the programs' types and the machine's capabilities
 * and lockdown. libbpf's messages are shown in the exception but never read to decide it.
 *
 * <p>The order follows libbpf's: it creates every map before it loads any program, and stops at the first
 * failure. A written verifier log therefore settles it; without one, a process that cannot use bpf() at all failed
 * libbpf's first probe, and ESRCH on a kernel without BTF is libbpf's search for it; otherwise the map the kernel
 * refuses is the cause; failing that, a program refused before the verifier ran (no program type, a capability,
 * lockdown).
 */
public final class LoadErrors {
    private static final Set<ProgramType> LOCKDOWN_TYPES = EnumSet.of(ProgramType.TRACING, ProgramType.LSM,
            ProgramType.EXT);

    private LoadErrors() {
    }

    public static BpfException classify(LoadFacts facts) {
        int errno = facts.errno();
        String warnings = facts.libbpfWarnings();
        Optional<LoadFacts.RejectedProgram> rejected = facts.rejectedProgram();
        if (rejected.isPresent()) {
            LoadFacts.Program p = rejected.get().program();
            if (errno == Errnos.EPERM) {
                return programPermission(p.name(), p.typeId());
            }
            return new VerifierException(p.name(), typeName(p.typeId()), errno, rejected.get().log());
        }
        if (errno == Errnos.EPERM && !Kernel.privileges().canUseBpf()) {
            return objectPermission(facts.objectName(), warnings);
        }
        if (errno == Errno.ESRCH.number() && !facts.kernelBtf()) {
            // libbpf's second step, before any map: it looks for the kernel's BTF only when the object needs it
            return new UnsupportedFeatureException("kernel BTF (/sys/kernel/btf/vmlinux)", errno, "object '"
                    + facts.objectName() + "' needs the kernel's BTF (CO-RE relocations, tp_btf/fentry/lsm targets"
                    + " or __ksym symbols), and this kernel was built without CONFIG_DEBUG_INFO_BTF");
        }
        Optional<LoadFacts.RefusedMap> map = facts.mapReplay().get().filter(m -> m.errno() == errno);
        if (map.isPresent()) {
            return MapCreateErrors.of(map.get().spec(), errno, map.get().reason(), warnings);
        }
        for (LoadFacts.Program p : facts.programs()) {
            if (p.typeId() == 0 && errno == Errnos.EINVAL) {
                return new ProgramLoadException(p.name(), errno, "libbpf knows no program type for its section '"
                        + p.section() + "'; check the SEC() name", warnings);
            }
            if (errno == Errnos.EPERM && permissionExplains(p.typeId())) {
                return programPermission(p.name(), p.typeId());
            }
        }
        if (errno == Errnos.EPERM) {
            return objectPermission(facts.objectName(), warnings);
        }
        return new ObjectLoadException(facts.objectName(), "load", errno, warnings);
    }

    private static String typeName(int typeId) {
        return ProgramType.byId(typeId).map(Enum::name).orElse("type " + typeId);
    }

    /** e.g. libbpf's first probe (loading a trivial program) was refused: say what the process lacks. */
    private static PermissionException objectPermission(String objectName, String warnings) {
        Privileges p = Kernel.privileges();
        return new PermissionException("object '" + objectName + "'", "loading", Errnos.EPERM, p.missing(),
                Kernel.lockdown(), p.canUseBpf()
                        ? "libbpf was refused with EPERM although bpf() is usable; libbpf said: " + warnings
                        : p.reason());
    }

    /** The capabilities BPF_PROG_LOAD checks for a type (kernel/bpf/syscall.c: is_net_admin/is_perfmon_prog_type). */
    public static Set<Capability> required(ProgramType type) {
        EnumSet<Capability> caps = EnumSet.of(Capability.CAP_BPF);
        switch (type) {
            case KPROBE, TRACEPOINT, PERF_EVENT, RAW_TRACEPOINT, RAW_TRACEPOINT_WRITABLE, TRACING, LSM, STRUCT_OPS ->
                    caps.add(Capability.CAP_PERFMON);
            case SCHED_CLS, SCHED_ACT, XDP, LWT_IN, LWT_OUT, LWT_XMIT, LWT_SEG6LOCAL, SK_SKB, SK_MSG,
                 FLOW_DISSECTOR, CGROUP_DEVICE, CGROUP_SOCK, CGROUP_SOCK_ADDR, CGROUP_SOCKOPT, CGROUP_SYSCTL,
                 SOCK_OPS, NETFILTER -> caps.add(Capability.CAP_NET_ADMIN);
            case EXT -> {
                caps.add(Capability.CAP_PERFMON);
                caps.add(Capability.CAP_NET_ADMIN);
            }
            default -> {
            }
        }
        return caps;
    }

    /** Whether the machine's facts explain EPERM for a program of this type: a missing capability, or lockdown. */
    private static boolean permissionExplains(int typeId) {
        ProgramType type = ProgramType.byId(typeId).orElse(ProgramType.UNSPEC);
        return !PermissionException.missing(required(type)).isEmpty() || activeLockdown().isPresent()
                && LOCKDOWN_TYPES.contains(type);
    }

    private static Optional<String> activeLockdown() {
        return Kernel.lockdown().filter(mode -> !mode.equals("none"));
    }

    public static PermissionException programPermission(String program, int typeId) {
        ProgramType type = ProgramType.byId(typeId).orElse(ProgramType.UNSPEC);
        String subject = "program '" + program + "' (" + type + ")";
        Set<Capability> missing = PermissionException.missing(required(type));
        if (!missing.isEmpty()) {
            Set<Capability> effective = Capability.in(Kernel.effectiveCapabilities());
            return new PermissionException(subject, "loading", Errnos.EPERM, missing, Optional.empty(),
                    "loading " + type + " programs needs " + describe(required(type))
                            + " (CAP_SYS_ADMIN covers all of them); the process lacks " + missing
                            + " (effective: " + (effective.isEmpty() ? "none" : effective) + ")");
        }
        Optional<String> lockdown = activeLockdown();
        if (lockdown.isPresent() && LOCKDOWN_TYPES.contains(type)) {
            return new PermissionException(subject, "loading", Errnos.EPERM, missing, lockdown,
                    "the process has every capability BPF needs, but the kernel is in lockdown mode '"
                            + lockdown.get() + "' and this kernel refuses " + type
                            + " programs (fentry/fexit/LSM) with EPERM under it; a BPF LSM policy can refuse"
                            + " them too. Run on a kernel without lockdown to load them");
        }
        return new PermissionException(subject, "loading", Errnos.EPERM, missing, lockdown,
                "the process has every capability BPF needs, so a security policy (an LSM, seccomp"
                        + lockdown.map(m -> ", or kernel lockdown '" + m + "'").orElse("") + ") refused it");
    }

    private static String describe(Set<Capability> caps) {
        return String.join(" and ", caps.stream().map(Enum::name).toList());
    }
}
