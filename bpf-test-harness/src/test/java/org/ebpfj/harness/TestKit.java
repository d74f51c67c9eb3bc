package org.ebpfj.harness;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.kernel.KernelObjects;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs fixture classes (static nested classes marked {@link Fixture}) through the Jupiter engine with
 * {@link EngineTestKit}, so tests can check what the extension reports: passes, skips with reasons, failures.
 * Surefire never runs the fixtures directly (it skips nested classes), and {@link Fixture} disables them outside
 * the test kit in case an IDE does.
 */
final class TestKit {
    static final String MARKER = "ebpfj.testkit";

    private TestKit() {
    }

    /** Runs the class non-strict unless {@code parameters} say otherwise ({@code key, value, key, value ...}). */
    static EngineExecutionResults run(Class<?> fixture, String... parameters) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(MARKER, "true");
        config.put(StrictMode.PROPERTY, "false");
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            config.put(parameters[i], parameters[i + 1]);
        }
        return EngineTestKit.engine("junit-jupiter").configurationParameters(config).selectors(selectClass(fixture))
                .execute();
    }

    /** Asserts that every test ran and passed; a failure lists each failed test with its message. */
    static void assertAllSucceeded(EngineExecutionResults results, int tests) {
        List<String> failures = results.allEvents().failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": " + reasonOf(e)).toList();
        org.assertj.core.api.Assertions.assertThat(failures).as("failed tests or containers").isEmpty();
        results.testEvents().assertStatistics(s -> s.started(tests).succeeded(tests));
    }

    /** The failure message of the test named {@code method} (its method name), or "" when it did not fail. */
    static String failureOf(EngineExecutionResults results, String method) {
        return results.testEvents().failed().stream()
                .filter(e -> e.getTestDescriptor().getLegacyReportingName().startsWith(method + "("))
                .map(TestKit::reasonOf).findFirst().orElse("");
    }

    /** The reason a test or container was skipped, or the message of its failure. */
    static String reasonOf(Event event) {
        Optional<String> skip = event.getPayload(String.class);
        if (skip.isPresent()) {
            return skip.get();
        }
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse("");
    }

    /** The BPF file descriptors this process holds (see {@link KernelObjects#heldFds()}). */
    static List<String> bpfFds() {
        return KernelObjects.heldFds();
    }

    /** Kernel objects still present out of {@code ids}, after waiting for RCU to free them. */
    static Set<Integer> stillPresent(Set<Integer> ids, java.util.function.Supplier<Set<Integer>> lister) {
        return KernelObjects.awaitGone(ids, lister, 10_000);
    }

    /** Marks a fixture class: enabled only when {@link TestKit} runs it. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @ExtendWith(OnlyInTestKit.class)
    @interface Fixture {
    }

    static final class OnlyInTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(MARKER).isPresent()
                    ? ConditionEvaluationResult.enabled("run by TestKit")
                    : ConditionEvaluationResult.disabled("a fixture for TestKit, not a test of its own");
        }
    }
}
