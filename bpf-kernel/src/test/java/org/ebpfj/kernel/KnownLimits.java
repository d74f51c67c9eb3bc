package org.ebpfj.kernel;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A refusal of the kernel in a test: skipped (even in strict mode) only when a {@link MachineLimit} probed on this
 * machine excuses it, else the refusal fails the test. As an extension, it prints the limits met once, when the
 * whole test run ends.
 */
public final class KnownLimits implements BeforeAllCallback {
    /** For {@code @ExtendWith} only. */
    public KnownLimits() {
    }

    /** Skips with the limit's name and evidence when {@code limit} is present; rethrows {@code refusal} if not. */
    public static void skipOrFail(MachineLimit limit, String what, RuntimeException refusal) {
        String reason = limit.excuses(what, refusal).orElseThrow(() -> new AssertionError(what + " was refused, and"
                + " no probe of this machine confirms the known limit " + limit + ": " + refusal.getMessage(), refusal));
        System.out.println("[ebpfj] SKIPPED " + reason);
        Assumptions.abort(reason);
    }

    /** Registers the end-of-run summary once (the root store closes when the whole run ends). */
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(KnownLimits.class,
                k -> new Summary());
    }

    /** Closed by JUnit when the run ends (both interfaces: JUnit 5.13 closes AutoCloseable, older ones the other). */
    private static final class Summary implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            printSummary();
        }
    }

    private static void printSummary() {
        List<String> met = MachineLimit.summary();
        if (!met.isEmpty()) {
            System.out.println("[ebpfj] machine limits met in this run (those kinds are proven on other kernels):");
            met.forEach(l -> System.out.println("[ebpfj]   " + l));
        }
    }
}
