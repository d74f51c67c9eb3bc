package org.ebpfj.kernel;

import java.util.Arrays;
import java.util.List;

/**
 * Known, named limits of a machine: features a kernel build or policy leaves out, detected without trying the
 * feature. A test of such a feature may be skipped there even in strict mode, but only with the limit's name and
 * how it was detected, and only when the kernel's refusal matches it: never a false failure, never a silent pass.
 * Each kind is proven on a kernel that has it (the kernel matrix). Limits only a refusal can reveal (fentry/fexit
 * get EPERM from this sandbox's BPF LSM) are not listed: detecting them without trying is not possible here.
 */
public enum MachineLimit {
    /** The kernel has no kprobe PMU: built without CONFIG_KPROBES, so kprobes and kretprobes cannot attach. */
    NO_KPROBES("no kprobes: the kernel has no kprobe PMU (/sys/bus/event_source/devices/kprobe), CONFIG_KPROBES is"
            + " not set") {
        @Override
        public boolean isPresent() {
            return !Kernel.hasEventSource("kprobe");
        }
    };

    private final String description;

    MachineLimit(String description) {
        this.description = description;
    }

    /** Whether this machine has the limit. */
    public abstract boolean isPresent();

    public String description() {
        return description;
    }

    /** The limits this machine has, for a summary. */
    public static List<MachineLimit> present() {
        return Arrays.stream(values()).filter(MachineLimit::isPresent).toList();
    }
}
