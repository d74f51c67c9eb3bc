package org.ebpfj.kernel;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when this process can use bpf(). Without it the class is skipped with the reason, or,
 * with {@code -Dbpf.test.strict=true} (CI), fails: a kernel test there must never pass by not running.
 */
public final class RequireBpf implements ExecutionCondition, BeforeAllCallback {
    private static volatile String unavailable;
    private static volatile boolean checked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = reason();
        if (reason == null || strict()) {
            return ConditionEvaluationResult.enabled("bpf() is usable, or strict mode fails the class");
        }
        return ConditionEvaluationResult.disabled("no usable bpf(): " + reason);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String reason = reason();
        if (reason != null) {
            throw new AssertionError("kernel tests are strict (bpf.test.strict=true) and cannot reach the kernel: "
                    + reason);
        }
    }

    private static boolean strict() {
        return org.ebpfj.object.machine.StrictMode.isOn();
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
