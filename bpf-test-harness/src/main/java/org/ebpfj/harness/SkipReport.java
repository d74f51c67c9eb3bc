package org.ebpfj.harness;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prints each skip with its reason on the console. Surefire's console shows only how many tests were skipped; the
 * reason otherwise sits in the XML report, where nobody looks when a kernel test quietly did not run.
 */
final class SkipReport {
    private SkipReport() {
    }

    static void print(ExtensionContext context, String reason) {
        String what = context.getTestMethod().map(m -> context.getRequiredTestClass().getSimpleName() + "."
                + m.getName()).orElseGet(() -> context.getRequiredTestClass().getSimpleName());
        System.out.println("[ebpfj] SKIPPED " + what + ": " + reason);
    }
}
