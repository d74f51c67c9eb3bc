package org.ebpfj.object.cli;

import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.rules.MapRuleEngine;
import org.ebpfj.object.rules.Severity;
import org.ebpfj.object.rules.TargetVerdicts;
import org.ebpfj.object.rules.Violation;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.machine.KernelProfile;

/**
 * The findings of one object checked for several target kernels: the object's own problems and each map's
 * warnings as the newest target sees them, and for each map some target refuses, one error with every kernel's
 * answer ({@code OK on 6.1+; E2BIG on 5.10: ...}).
 */
final class TargetFindings {

    private TargetFindings() {
    }

    static List<Violation> of(ObjectSpec object, MapRuleEngine newest, List<KernelProfile> targets) {
        List<Violation> out = new ArrayList<>(newest.problems(object));
        for (MapSpec m : object.maps()) {
            TargetVerdicts verdicts = TargetVerdicts.of(m, targets, newest.options());
            verdicts.toViolation().ifPresent(out::add);
            newest.check(m).stream().filter(v -> v.severity() != Severity.ERROR).forEach(out::add);
        }
        return out;
    }
}
