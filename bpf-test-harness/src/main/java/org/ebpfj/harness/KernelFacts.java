package org.ebpfj.harness;

import java.util.Optional;
import java.util.Set;

import org.ebpfj.kernel.Kernel;
import org.ebpfj.kernel.Privileges;
import org.ebpfj.object.machine.KernelVersion;
import org.ebpfj.object.machine.Machine;
import org.ebpfj.object.uapi.MapType;
import org.ebpfj.object.uapi.ProgramType;

/**
 * What the skip-or-fail decision needs to know about the running kernel and process: files read by bpf-object's
 * {@link Machine}, privileges and probes asked of the kernel through bpf-kernel.
 */
interface KernelFacts {

    /** Why this process cannot use bpf(), or empty when it can. */
    Optional<String> bpfUnavailable();

    /** The release string, e.g. {@code 6.18.44-fc-v782}. */
    String release();

    /** The release as a version, when it parses. */
    Optional<KernelVersion> version();

    /** Probes the map type; only asked when bpf() is usable. */
    boolean supports(MapType type);

    boolean supports(ProgramType type);

    /** The process's effective capabilities. */
    default Set<org.ebpfj.kernel.Capability> capabilities() {
        return org.ebpfj.kernel.Capability.in(Machine.running().effectiveCapabilities().orElse(0));
    }

    /** The running kernel, through bpf-kernel's probes (each probe is cached by bpf-kernel). */
    static KernelFacts running() {
        return new Running();
    }

    final class Running implements KernelFacts {
        private volatile Optional<String> unavailable;

        @Override
        public Optional<String> bpfUnavailable() {
            Optional<String> u = unavailable;
            if (u == null) {
                u = ask();
                unavailable = u;
            }
            return u;
        }

        private static Optional<String> ask() {
            try {
                Privileges p = Kernel.privileges();
                if (p.canUseBpf()) {
                    return Optional.empty();
                }
                String advice = p.missing().isEmpty() ? "" : "; missing " + p.missing() + ": run the tests as root,"
                        + " or grant CAP_BPF (plus CAP_PERFMON for tracing, CAP_NET_ADMIN for networking programs)"
                        + " or CAP_SYS_ADMIN";
                return Optional.of("this process cannot use bpf(): " + p.reason() + advice);
            } catch (LinkageError | RuntimeException e) {
                return Optional.of("cannot reach the kernel's bpf() through bpf-kernel (FFM): " + e);
            }
        }

        @Override
        public String release() {
            return Machine.running().release().orElse("unknown");
        }

        @Override
        public Optional<KernelVersion> version() {
            return Machine.running().version();
        }

        @Override
        public boolean supports(MapType type) {
            return Kernel.supports(type);
        }

        @Override
        public boolean supports(ProgramType type) {
            return Kernel.supports(type);
        }
    }
}
