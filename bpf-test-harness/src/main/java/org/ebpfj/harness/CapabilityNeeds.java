package org.ebpfj.harness;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.ebpfj.kernel.Capability;
import org.ebpfj.kernel.event.PerfBufferReader;

/** Which capabilities a test needs beyond bpf(), and the skip that names those this process lacks. */
final class CapabilityNeeds {
    private CapabilityNeeds() {
    }

    /** What a test class needs without saying so: a {@link PerfBufferReader} field opens perf events. */
    static Set<Capability> implied(AnnotatedElement element) {
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        if (element instanceof Class<?> c) {
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (f.getType() == PerfBufferReader.class) {
                        out.add(Capability.CAP_PERFMON);
                    }
                }
            }
        }
        return out;
    }

    /** A skip naming each needed capability the process lacks; CAP_SYS_ADMIN covers CAP_BPF and CAP_PERFMON. */
    static Optional<Verdict> missing(Set<Capability> needed, Set<Capability> effective) {
        Set<String> lacking = new TreeSet<>();
        for (Capability c : needed) {
            boolean coveredByAdmin = (c == Capability.CAP_BPF || c == Capability.CAP_PERFMON)
                    && effective.contains(Capability.CAP_SYS_ADMIN);
            if (!effective.contains(c) && !coveredByAdmin) {
                lacking.add(c.name());
            }
        }
        if (lacking.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Verdict.skip("needs " + String.join(" and ", lacking) + ", which this process lacks"
                + " (it has " + (effective.isEmpty() ? "no capabilities" : new TreeSet<>(effective.stream()
                .map(Enum::name).toList())) + "): grant " + String.join(", ", lacking)
                + " (e.g. setcap, or docker run --cap-add) or run the tests as root"));
    }
}
