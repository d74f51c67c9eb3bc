package org.ebpfj.harness;

import java.util.List;

import org.ebpfj.kernel.MachineLimit;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Printed once when the whole test run ends (the root store closes it): the machine limits that excused a
 * refusal, each with its probe's evidence and the tests it excused, so a strict run shows what it did not prove.
 */
final class LimitSummary implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
        List<String> met = MachineLimit.summary();
        if (!met.isEmpty()) {
            System.out.println("[ebpfj] machine limits met in this run (those kinds are proven on other kernels):");
            met.forEach(l -> System.out.println("[ebpfj]   " + l));
        }
    }
}
