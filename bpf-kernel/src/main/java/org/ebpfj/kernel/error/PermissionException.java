package org.ebpfj.kernel.error;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.kernel.Capability;
import org.ebpfj.kernel.Kernel;
import org.ebpfj.object.uapi.Errno;

/**
 * The kernel refused an operation for lack of privilege (EPERM, sometimes EACCES). The message names what is
 * missing: the capability the kernel checks for this map or program type, or kernel lockdown when the process has
 * every capability and the program type is one lockdown forbids.
 */
public final class PermissionException extends BpfException {
    private final String subject;
    private final Set<Capability> missing;
    private final Optional<String> lockdown;

    public PermissionException(String subject, String operation, int errno, Set<Capability> missing,
                               Optional<String> lockdown, String reason) {
        super(operation + " " + subject + " was refused (" + Errno.nameOf(errno) + "): " + reason, errno);
        this.subject = subject;
        this.missing = missing.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(missing));
        this.lockdown = lockdown;
    }

    /**
     * The capabilities of {@code required} the calling thread lacks. None when it has CAP_SYS_ADMIN, which the
     * kernel accepts for all of them; CAP_SYS_ADMIN is named beside a missing CAP_BPF, since either grants it.
     */
    public static EnumSet<Capability> missing(Set<Capability> required) {
        Set<Capability> effective = Capability.in(Kernel.effectiveCapabilities());
        EnumSet<Capability> missing = EnumSet.noneOf(Capability.class);
        if (effective.contains(Capability.CAP_SYS_ADMIN)) {
            return missing;
        }
        for (Capability c : required) {
            if (!effective.contains(c)) {
                missing.add(c);
            }
        }
        if (missing.contains(Capability.CAP_BPF)) {
            missing.add(Capability.CAP_SYS_ADMIN);
        }
        return missing;
    }

    /** What was refused, e.g. {@code program 'on_unlinkat' (TRACING)}. */
    public String subject() {
        return subject;
    }

    /** Capabilities the operation needs that the calling thread does not have (empty when lockdown is the cause). */
    public Set<Capability> missingCapabilities() {
        return missing;
    }

    /** The kernel lockdown mode when lockdown is the likely cause, e.g. {@code integrity}. */
    public Optional<String> lockdown() {
        return lockdown;
    }
}
