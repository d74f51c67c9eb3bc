package org.ebpfj.harness;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.ebpfj.kernel.Kernel;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * Run in a child JVM by {@link PrivilegeSkipTest}: runs one fixture class through the Jupiter engine and prints,
 * one line each, {@code capEff=HEX} and {@code test|METHOD|STATUS|REASON} for every test (SKIPPED with its reason,
 * SUCCESSFUL, or FAILED with its message). Strict mode comes from this JVM's system properties and environment,
 * as it would for a user's build.
 */
public final class ChildEngineRun {
    private ChildEngineRun() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        System.out.println("capEff=" + Long.toHexString(Kernel.effectiveCapabilities()));
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(TestKit.MARKER, "true").selectors(selectClass(Class.forName(args[0])))
                .execute();
        for (Event e : results.testEvents().list()) {
            String method = e.getTestDescriptor().getLegacyReportingName().replaceFirst("\\(.*", "");
            if (e.getType() == EventType.SKIPPED) {
                print(method, "SKIPPED", e.getPayload(String.class).orElse(""));
            } else if (e.getType() == EventType.FINISHED) {
                TestExecutionResult r = e.getPayload(TestExecutionResult.class).orElseThrow();
                print(method, r.getStatus().name(), r.getThrowable().map(Throwable::getMessage).orElse(""));
            }
        }
    }

    private static void print(String method, String status, String reason) {
        System.out.println("test|" + method + "|" + status + "|" + reason.replace('\n', ' '));
    }
}
