package org.ebpfj.harness;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The strict switch as JUnit sees it: bpf-object's {@link org.ebpfj.object.machine.StrictMode} reads it, from
 * JUnit's configuration parameter {@code bpf.test.strict} (explicit parameters, then system properties, then
 * junit-platform.properties) or else the environment. In strict mode every skip becomes a failure with the same
 * reason.
 */
final class StrictMode {
    static final String PROPERTY = org.ebpfj.object.machine.StrictMode.PROPERTY;
    static final String ENVIRONMENT = org.ebpfj.object.machine.StrictMode.ENVIRONMENT;

    private StrictMode() {
    }

    static boolean isOn(ExtensionContext context) {
        return org.ebpfj.object.machine.StrictMode.isOn(context.getConfigurationParameter(PROPERTY));
    }

    /** The failure thrown in strict mode (or for a FAIL verdict). */
    static AssertionError failure(Verdict verdict) {
        String prefix = verdict.kind() == Verdict.Kind.SKIP
                ? "would be skipped, but " + PROPERTY + "=true turns skips into failures: "
                : "";
        return new AssertionError(prefix + verdict.reason());
    }
}
