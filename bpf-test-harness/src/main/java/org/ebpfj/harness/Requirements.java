package org.ebpfj.harness;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.ebpfj.kernel.error.PermissionException;
import org.ebpfj.object.machine.KernelVersion;
import org.ebpfj.object.machine.UapiHistory;
import org.ebpfj.object.uapi.MapType;
import org.ebpfj.object.uapi.ProgramType;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What a test needs from the kernel and the process, collected from its annotations, and the decision made from
 * it (cilium/ebpf's testutils model): a test skips when the environment cannot run it (no privileges, a kernel
 * older than the feature), and fails when the kernel is new enough to have a feature its probe says is missing;
 * a skip there would hide a misconfigured kernel or a bug in the probe.
 *
 * @param needsBpf     a {@link BpfTest} applies, or types must be probed
 * @param minimumKernel from {@link RequiresKernel}, the highest when several levels ask
 */
record Requirements(boolean needsBpf, Optional<KernelVersion> minimumKernel, Set<MapType> mapTypes,
                    Set<ProgramType> programTypes) {

    /** Collects the annotations of the given elements (e.g. enclosing classes, the class, the method). */
    static Requirements of(List<? extends AnnotatedElement> elements) {
        boolean bpfTest = false;
        Optional<KernelVersion> minimum = Optional.empty();
        Set<MapType> maps = EnumSet.noneOf(MapType.class);
        Set<ProgramType> programs = EnumSet.noneOf(ProgramType.class);
        for (AnnotatedElement e : elements) {
            bpfTest |= AnnotationSupport.isAnnotated(e, BpfTest.class);
            AnnotationSupport.findAnnotation(e, RequiresMapType.class).ifPresent(r -> maps.addAll(List.of(r.value())));
            AnnotationSupport.findAnnotation(e, RequiresProgramType.class)
                    .ifPresent(r -> programs.addAll(List.of(r.value())));
            Optional<RequiresKernel> k = AnnotationSupport.findAnnotation(e, RequiresKernel.class);
            if (k.isPresent()) {
                KernelVersion v = KernelVersion.tryParse(k.get().value()).orElseThrow(() ->
                        new ExtensionConfigurationException("@RequiresKernel(\"" + k.get().value() + "\") on " + e
                                + " is not a kernel release; write e.g. \"5.17\""));
                if (minimum.isEmpty() || v.compareTo(minimum.get()) > 0) {
                    minimum = Optional.of(v);
                }
            }
        }
        boolean probes = !maps.isEmpty() || !programs.isEmpty();
        return new Requirements(bpfTest || probes, minimum, maps, programs);
    }

    Verdict evaluate(KernelFacts kernel) {
        List<Verdict> verdicts = new ArrayList<>();
        Optional<KernelVersion> running = kernel.version();
        if (minimumKernel.isPresent()) {
            KernelVersion min = minimumKernel.get();
            if (running.isEmpty()) {
                verdicts.add(Verdict.skip("needs Linux " + min + " or later; the running release '"
                        + kernel.release() + "' could not be parsed"));
            } else if (running.get().compareTo(min) < 0) {
                verdicts.add(Verdict.skip("needs Linux " + min + " or later; this kernel is " + kernel.release()));
            }
        }
        if (needsBpf) {
            Optional<String> unavailable = kernel.bpfUnavailable();
            if (unavailable.isPresent()) {
                // Nothing can be probed without bpf(): report what is missing and stop here.
                verdicts.add(Verdict.skip(unavailable.get()));
                return Verdict.combine(verdicts);
            }
        }
        for (MapType t : mapTypes) {
            probe("map type " + t, () -> kernel.supports(t), UapiHistory.since(t), running, kernel.release(),
                    "creating a minimal " + t + " map failed").ifPresent(verdicts::add);
        }
        for (ProgramType t : programTypes) {
            probe("program type " + t, () -> kernel.supports(t), UapiHistory.since(t), running, kernel.release(),
                    "loading a minimal " + t + " program failed").ifPresent(verdicts::add);
        }
        return Verdict.combine(verdicts);
    }

    /**
     * Nothing when the feature works; else why not. A probe the kernel refuses with EPERM although this process may
     * use bpf() means the feature exists but policy (lockdown, an LSM) forbids it here: the environment's choice,
     * like missing privileges, so a skip with the reason (strict mode turns it into a failure).
     */
    private static Optional<Verdict> probe(String feature, BooleanSupplier supported, KernelVersion since,
                                           Optional<KernelVersion> running, String release, String failure) {
        try {
            return supported.getAsBoolean() ? Optional.empty()
                    : Optional.of(missing(feature, since, running, release, failure));
        } catch (PermissionException e) {
            return Optional.of(Verdict.skip(e.getMessage()));
        }
    }

    private static Verdict missing(String feature, KernelVersion since, Optional<KernelVersion> running,
                                   String release, String probe) {
        if (running.isPresent() && running.get().compareTo(since) >= 0) {
            return Verdict.fail(feature + " should be available: it arrived in Linux " + since + " and this kernel is "
                    + release + ", but " + probe + ". Failing instead of skipping: the kernel may be built without it"
                    + " (check its configuration), or the probe is wrong; a skip could hide either");
        }
        return Verdict.skip("needs " + feature + " (Linux " + since + " or later); this kernel is " + release
                + " and " + probe);
    }
}
