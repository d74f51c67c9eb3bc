package org.ebpfj.kernel.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ebpfj.kernel.MachineLimit;
import org.ebpfj.kernel.error.AttachException;
import org.ebpfj.kernel.internal.sys.Errnos;
import org.ebpfj.object.uapi.ProgramType;

/**
 * Attaching every program of an object by its section name, as libbpf's skeletons do, and saying which programs
 * it left and why. A refusal that is neither "needs an explicit target" nor excused by a probed
 * {@link MachineLimit} fails the whole call, and the links made so far are closed again.
 */
public final class AutoAttach {
    private AutoAttach() {
    }

    public static AttachReport all(List<BpfProgram> programs) {
        List<BpfLink> links = new ArrayList<>();
        List<AttachReport.Left> left = new ArrayList<>();
        try {
            for (BpfProgram p : programs) {
                String kind = p.typeName() + " '" + p.section() + "'";
                if (!p.isLoaded()) {
                    left.add(new AttachReport.Left(p.name(), kind, "not loaded (autoload off)"));
                    continue;
                }
                try {
                    links.add(p.attach());
                } catch (AttachException e) {
                    Optional<String> reason = leftBecause(p, e);
                    if (reason.isEmpty()) {
                        throw e;
                    }
                    left.add(new AttachReport.Left(p.name(), kind, reason.get()));
                }
            }
            return new AttachReport(links, left);
        } catch (RuntimeException e) {
            links.forEach(BpfLink::close);
            throw e;
        }
    }

    private static Optional<String> leftBecause(BpfProgram p, AttachException e) {
        ProgramType type = p.type().orElse(ProgramType.UNSPEC);
        if (e.errno() == Errnos.EOPNOTSUPP || e.errno() == Errnos.ENOTSUPP) {
            return Optional.of("needs an explicit target: " + explicitCall(type, p.section()));
        }
        return excused(p, e);
    }

    /** The skip reason when a probed {@link MachineLimit} excuses this refusal of {@code p}'s attach, else empty. */
    public static Optional<String> excused(BpfProgram p, AttachException e) {
        ProgramType type = p.type().orElse(ProgramType.UNSPEC);
        String what = "attach of " + p.name() + " (" + p.section() + ")";
        if (type == ProgramType.KPROBE && (p.section().startsWith("kprobe") || p.section().startsWith("kretprobe"))) {
            return MachineLimit.NO_KPROBES.excuses(what, e);
        }
        if (type == ProgramType.TRACING && e.errno() == Errnos.EPERM) {
            return MachineLimit.TRAMPOLINES_REFUSED.excuses(what, e);
        }
        return Optional.empty();
    }

    private static String explicitCall(ProgramType type, String section) {
        return switch (type) {
            case XDP -> "an interface, NetworkAttachments.xdp(program, ifindex)";
            case SCHED_CLS, SCHED_ACT -> "an interface, NetworkAttachments.tc(program, ifindex, direction, mode)";
            case SOCKET_FILTER -> "a socket, NetworkAttachments.socketFilter(program, socketFd)";
            case CGROUP_SKB, CGROUP_SOCK, CGROUP_SOCK_ADDR, CGROUP_SOCKOPT, CGROUP_SYSCTL, CGROUP_DEVICE ->
                    "a cgroup, NetworkAttachments.cgroup(program, cgroupDir)";
            case PERF_EVENT -> "a perf event, Attachments.cpuClock(program, cpu, frequency)";
            case KPROBE -> section.startsWith("usdt") ? "a probe, Attachments.usdt(program, binary, provider, name,"
                    + " pid)" : section.startsWith("uprobe") || section.startsWith("uretprobe")
                    ? "a binary and symbol, Attachments.uprobe(program, binary, symbol, pid, retprobe)"
                    : "a function, Attachments.kprobe(program, function, retprobe)";
            case TRACEPOINT -> "a tracepoint, Attachments.tracepoint(program, category, name)";
            case RAW_TRACEPOINT -> "a tracepoint, Attachments.rawTracepoint(program, name)";
            default -> "see Attachments and NetworkAttachments";
        };
    }
}
