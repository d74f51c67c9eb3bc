package org.ebpfj.object.rules;

import java.util.Optional;

import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.Errno;

/** Builds {@link Violation}s for a map from rule descriptions. */
final class Findings {
    private Findings() {
    }

    static Violation of(RuleInfo rule, MapSpec map, String message) {
        return of(rule, rule.severity(), map, message);
    }

    static Violation of(RuleInfo rule, Severity severity, MapSpec map, String message) {
        return new Violation(rule.id(), severity, rule.errno(), map.name(), map.typeName(), map.location(), message,
                rule.kernelFunction());
    }

    static Violation error(KernelRule rule, Errno errno, MapSpec map, String message) {
        return new Violation(rule.id(), Severity.ERROR, Optional.of(errno), map.name(), map.typeName(),
                map.location(), message, rule.kernelFunction());
    }
}
