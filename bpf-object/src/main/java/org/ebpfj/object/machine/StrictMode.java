package org.ebpfj.object.machine;

import java.util.Locale;
import java.util.Optional;

/**
 * The one reader of the strict switch of kernel tests: {@code bpf.test.strict=true} (a system property, or a test
 * framework's configuration parameter of that name) or {@code BPF_TEST_STRICT=true} in the environment. CI turns it
 * on, so that a kernel test can never pass by not running: what would skip fails instead, with the same reason.
 */
public final class StrictMode {
    public static final String PROPERTY = "bpf.test.strict";
    public static final String ENVIRONMENT = "BPF_TEST_STRICT";

    private StrictMode() {
    }

    /** From the system property, else the environment. */
    public static boolean isOn() {
        return isOn(Optional.ofNullable(System.getProperty(PROPERTY)));
    }

    /**
     * From a configured value (e.g. JUnit's configuration parameter, which covers system properties), else the
     * environment.
     */
    public static boolean isOn(Optional<String> configured) {
        return configured.map(StrictMode::isTrue).orElseGet(() -> isTrue(System.getenv(ENVIRONMENT)));
    }

    private static boolean isTrue(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
    }
}
