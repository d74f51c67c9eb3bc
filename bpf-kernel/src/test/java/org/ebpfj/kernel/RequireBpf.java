package org.ebpfj.kernel;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Runs a test class only when this process can use bpf(). Without it the class is skipped with the reason, or,
 * with {@code -Dbpf.test.strict=true} (CI), fails: a kernel test there must never pass by not running.
 */
public final class RequireBpf implements BeforeAllCallback {
    private static volatile String unavailable;
    private static volatile boolean checked;

    @Override
    public void beforeAll(ExtensionContext context) {
        String reason = reason();
        if (reason == null) {
            return;
        }
        if (Boolean.getBoolean("bpf.test.strict") || "true".equals(System.getenv("BPF_TEST_STRICT"))) {
            throw new AssertionError("kernel tests are strict (bpf.test.strict=true) and cannot reach the kernel: "
                    + reason);
        }
        throw new TestAbortedException("no usable bpf(): " + reason);
    }

    static synchronized String reason() {
        if (!checked) {
            try {
                Privileges p = Kernel.privileges();
                unavailable = p.canUseBpf() ? null : p.reason();
            } catch (LinkageError | RuntimeException e) {
                unavailable = "cannot bind to libbpf/libc: " + e;
            }
            checked = true;
        }
        return unavailable;
    }
}
