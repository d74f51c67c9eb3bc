package org.ebpfj.harness;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The strict switch: with {@code bpf.test.strict=true} (a JUnit configuration parameter or system property) or
 * {@code BPF_TEST_STRICT=true} in the environment, every skip becomes a failure with the same reason. CI turns it
 * on, so that a kernel test there can never pass by not running.
 */
final class StrictMode {
    static final String PROPERTY = "bpf.test.strict";
    static final String ENVIRONMENT = "BPF_TEST_STRICT";

    private StrictMode() {
    }

    static boolean isOn(ExtensionContext context) {
        // JUnit looks at its explicit parameters first, then system properties, then junit-platform.properties.
        Optional<String> parameter = context.getConfigurationParameter(PROPERTY);
        if (parameter.isPresent()) {
            return isTrue(parameter.get());
        }
        return isTrue(System.getenv(ENVIRONMENT));
    }

    private static boolean isTrue(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
    }

    /** The failure thrown in strict mode (or for a FAIL verdict). */
    static AssertionError failure(Verdict verdict) {
        String prefix = verdict.kind() == Verdict.Kind.SKIP
                ? "would be skipped, but " + PROPERTY + "=true turns skips into failures: "
                : "";
        return new AssertionError(prefix + verdict.reason());
    }
}
