package org.ebpfj.kernel.error;

import java.io.IOException;
import java.util.Optional;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.rules.MapRuleEngine;
import org.ebpfj.object.rules.Prediction;
import org.ebpfj.object.rules.Severity;
import org.ebpfj.object.rules.Violation;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.spec.MapSpec;

/**
 * bpf-object's map rules ({@link MapRuleEngine}) for the running machine: they explain a refused BPF_MAP_CREATE
 * with the rule the kernel applied, in the words the Maven plugin uses. The machine's profile
 * ({@link KernelProfile#readRunning()}) is read once, at the first refusal. An explanation is a courtesy: when the
 * rules cannot give one, the refusal is reported without it.
 */
final class OfflineRules {
    private static volatile MapRuleEngine engine;

    private OfflineRules() {
    }

    static MapRuleEngine engine() {
        MapRuleEngine e = engine;
        if (e == null) {
            KernelProfile profile;
            try {
                profile = KernelProfile.readRunning();
            } catch (IOException | RuntimeException ex) {
                profile = KernelProfile.defaults();
            }
            e = new MapRuleEngine(profile);
            engine = e;
        }
        return e;
    }

    /**
     * The first error the rules find for a map definition as a libbpf loader creates it (its adjustments, the
     * inner map first, the retry without BTF); empty when they predict the map is created.
     */
    static Optional<Violation> explainDefinition(MapSpec spec) {
        try {
            return engine().report(spec).violations().stream().filter(v -> v.severity() == Severity.ERROR)
                    .findFirst();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The rules' answer to an attribute sent exactly as given; empty when they predict the map is created. */
    static Optional<Violation> explainAttribute(MapSpec spec, MapCreateAttr attr) {
        try {
            Prediction p = engine().predict(attr);
            return p.rule().map(r -> new Violation(r.id(), Severity.ERROR, Optional.of(r.errno()), spec.name(),
                    spec.typeName(), spec.location(), p.message(), r.kernelFunction()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
