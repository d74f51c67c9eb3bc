package org.ebpfj.harness;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For the harness's own tests of the extension (which run fixtures through EngineTestKit): they need bpf() like any
 * kernel test. Uses the extension's own decision, so this module's tests follow the rules they test.
 */
final class RequireKernelAccess implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Verdict v = new Requirements(true, java.util.Optional.empty(), java.util.Set.of(), java.util.Set.of())
                .evaluate(KernelFacts.running());
        if (v.runs() || StrictMode.isOn(context)) {
            if (!v.runs()) {
                throw StrictMode.failure(v);
            }
            return ConditionEvaluationResult.enabled("bpf() is usable");
        }
        return ConditionEvaluationResult.disabled(v.reason());
    }
}
