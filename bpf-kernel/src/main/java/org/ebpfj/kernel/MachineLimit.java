package org.ebpfj.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.ebpfj.kernel.internal.sys.Bpf;
import org.ebpfj.kernel.internal.sys.Errnos;
import org.ebpfj.kernel.internal.sys.LimitProbes;
import org.ebpfj.object.uapi.Errno;

/**
 * Known, named limits of a machine: features a kernel build or policy leaves out. Each is CONFIRMED by a probe of
 * the running kernel (never by a host name): the smallest request of the kind, or the file the kernel publishes
 * when it has the feature. A test of such a kind may skip, even in strict mode, only when its refusal is excused
 * by a present limit ({@link #excuses}); a refusal no probe confirms is a failure. So strict CI neither fails
 * falsely on a machine with a known limit nor passes silently on one without it, and each kind is proven on a
 * kernel that has it (the guest kernels of the kernel matrix run {@code GuestOnlyAttachTest}).
 */
public enum MachineLimit {
    /** The kernel has no kprobe PMU: built without CONFIG_KPROBES, so kprobes and kretprobes cannot attach. */
    NO_KPROBES("no kprobes: the kernel was built without CONFIG_KPROBES") {
        @Override
        Optional<String> probe() {
            return Kernel.hasEventSource("kprobe") ? Optional.empty()
                    : Optional.of("no kprobe PMU in /sys/bus/event_source/devices");
        }
    },
    /** BPF trampolines (fentry, fexit, fmod_ret, LSM) are refused with EPERM (a BPF LSM or lockdown); tp_btf loads. */
    TRAMPOLINES_REFUSED("trampolines refused: BPF_PROG_LOAD of a fentry program gets EPERM from the kernel's policy"
            + " (a BPF LSM or lockdown), though other programs load") {
        @Override
        Optional<String> probe() {
            String function = "__x64_sys_getpgid";
            int btfId = LimitProbes.fentryTarget(function);
            if (btfId < 0) {
                return Optional.empty(); // no vmlinux BTF: not this limit (loading says why)
            }
            int fd = LimitProbes.loadFentry(btfId);
            if (fd >= 0) {
                Bpf.close(fd);
                return Optional.empty();
            }
            return -fd == Errnos.EPERM ? Optional.of("a 2-instruction fentry program on " + function + " got EPERM"
                    + Kernel.lockdown().map(m -> " (lockdown mode '" + m + "')").orElse("")) : Optional.empty();
        }
    },
    /** ARENA maps are refused with EPERM by the kernel's policy (kernels 6.9+ have the type). */
    ARENA_REFUSED("ARENA maps refused: BPF_MAP_CREATE of a one-page ARENA gets EPERM from the kernel's policy") {
        @Override
        Optional<String> probe() {
            int fd = LimitProbes.createArena();
            if (fd >= 0) {
                Bpf.close(fd);
                return Optional.empty();
            }
            return -fd == Errnos.EPERM ? Optional.of("a one-page ARENA map create got EPERM") : Optional.empty();
        }
    };

    private static final Map<MachineLimit, Optional<String>> PROBED = new ConcurrentHashMap<>();
    private static final Map<MachineLimit, Set<String>> MET = new ConcurrentSkipListMap<>();

    private final String description;

    MachineLimit(String description) {
        this.description = description;
    }

    /** What the probe saw when the limit is present, e.g. {@code /sys/bus/event_source/devices/kprobe ...}. */
    abstract Optional<String> probe();

    /** Whether this machine has the limit (probed once per process). */
    public boolean isPresent() {
        return evidence().isPresent();
    }

    /** The probe's evidence for the limit on this machine, empty when the machine does not have it. */
    public Optional<String> evidence() {
        return PROBED.computeIfAbsent(this, l -> l.probe());
    }

    public String description() {
        return description;
    }

    /**
     * Whether this limit excuses a refusal of {@code what} (a test or an attach): only when the probe confirms it
     * on this machine. An excused refusal is recorded for {@link #summary()}; the returned text names the limit,
     * the probe's evidence and the refusal, for the skip's reason.
     */
    public Optional<String> excuses(String what, Throwable refusal) {
        Optional<String> evidence = evidence();
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        MET.computeIfAbsent(this, l -> new TreeSet<>()).add(what);
        return Optional.of("known machine limit " + name() + ": " + description + " (probe: " + evidence.get()
                + "); " + what + " refused: " + firstLine(refusal));
    }

    /** The limits this machine has. */
    public static List<MachineLimit> present() {
        return Arrays.stream(values()).filter(MachineLimit::isPresent).toList();
    }

    /** One line per limit that excused a refusal in this process, with what it excused; empty when none did. */
    public static List<String> summary() {
        return MET.entrySet().stream().map(e -> e.getKey().name() + " (" + e.getKey().evidence().orElse("?")
                + "): " + String.join(", ", e.getValue())).toList();
    }

    private static String firstLine(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)) + (t instanceof org.ebpfj.kernel.error.BpfException b
                ? " [" + Errno.nameOf(b.errno()) + "]" : "");
    }
}
