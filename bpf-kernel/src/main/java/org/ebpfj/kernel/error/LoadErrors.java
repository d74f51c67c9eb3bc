package org.ebpfj.kernel.error;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ebpfj.kernel.Capability;
import org.ebpfj.kernel.Kernel;
import org.ebpfj.kernel.Privileges;
import org.ebpfj.kernel.internal.sys.Errnos;
import org.ebpfj.kernel.internal.sys.LoadLog;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.ProgramType;

/**
 * Explains a failed {@code bpf_object__load}. libbpf reports which map or program failed only in its log, so this
 * reads the messages libbpf 1.x prints for those failures (libbpf.c: {@code bpf_object__create_maps},
 * {@code bpf_object_load_prog}) and turns them into the typed exception for that map or program, with the
 * verifier log when there is one.
 */
public final class LoadErrors {
    private static final Pattern MAP_FAILED = Pattern.compile("map '([^']+)': failed to create");
    private static final Pattern PROG_FAILED = Pattern.compile("prog '([^']+)': BPF program load failed");
    private static final Pattern PROG_FAILED_OTHER = Pattern.compile("prog '([^']+)': failed to load");
    private static final Pattern VERIFIER_LOG = Pattern.compile(
            "prog '([^']+)': -- BEGIN PROG LOAD LOG --\n(.*?)-- END PROG LOAD LOG --", Pattern.DOTALL);
    private static final Set<ProgramType> LOCKDOWN_TYPES = EnumSet.of(ProgramType.TRACING, ProgramType.LSM,
            ProgramType.EXT);

    private LoadErrors() {
    }

    /**
     * @param mapSpecs     each map as libbpf was about to create it (after the load options were applied)
     * @param programTypes each program's type as libbpf determined it from its section
     */
    public static BpfException interpret(String objectName, int errno, LoadLog log, Map<String, MapSpec> mapSpecs,
                                  Map<String, Integer> programTypes) {
        String all = log.all();
        String warnings = log.warnings();
        Matcher map = MAP_FAILED.matcher(all);
        if (map.find()) {
            String name = map.group(1);
            MapSpec spec = mapSpecs.get(name);
            if (spec != null) {
                return MapCreateErrors.of(spec, errno, warnings);
            }
        }
        String program = find(PROG_FAILED, all).or(() -> find(PROG_FAILED_OTHER, all)).orElse(null);
        if (program != null) {
            int typeId = programTypes.getOrDefault(program, 0);
            String typeName = ProgramType.byId(typeId).map(Enum::name).orElse("type " + typeId);
            if (errno == Errnos.EPERM) {
                return programPermission(program, typeId);
            }
            Matcher v = VERIFIER_LOG.matcher(all);
            while (v.find()) {
                if (v.group(1).equals(program) && !v.group(2).isBlank()) {
                    return new VerifierException(program, typeName, errno, v.group(2));
                }
            }
            return new ProgramLoadException(program, errno, warnings);
        }
        if (errno == Errnos.EPERM) {
            // e.g. libbpf's first probe (loading a trivial program) was refused: say what the process lacks
            Privileges p = Kernel.privileges();
            return new PermissionException("object '" + objectName + "'", "loading", errno, p.missing(),
                    Kernel.lockdown(), p.canUseBpf()
                            ? "libbpf was refused with EPERM although bpf() is usable; libbpf said: " + warnings
                            : p.reason());
        }
        return new ObjectLoadException(objectName, "load", errno, warnings);
    }

    private static Optional<String> find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
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

    public static PermissionException programPermission(String program, int typeId) {
        ProgramType type = ProgramType.byId(typeId).orElse(ProgramType.UNSPEC);
        String subject = "program '" + program + "' (" + type + ")";
        Set<Capability> effective = Capability.in(Kernel.effectiveCapabilities());
        EnumSet<Capability> missing = EnumSet.noneOf(Capability.class);
        if (!effective.contains(Capability.CAP_SYS_ADMIN)) {
            for (Capability c : required(type)) {
                if (!effective.contains(c)) {
                    missing.add(c);
                }
            }
            if (missing.contains(Capability.CAP_BPF)) {
                missing.add(Capability.CAP_SYS_ADMIN);
            }
        }
        if (!missing.isEmpty()) {
            return new PermissionException(subject, "loading", Errnos.EPERM, missing, Optional.empty(),
                    "loading " + type + " programs needs " + describe(required(type))
                            + " (CAP_SYS_ADMIN covers all of them); the process lacks " + missing
                            + " (effective: " + (effective.isEmpty() ? "none" : effective) + ")");
        }
        Optional<String> lockdown = Kernel.lockdown().filter(mode -> !mode.equals("none"));
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
