package org.ebpfj.object.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.machine.KernelVersion;

/**
 * One map definition checked for several target kernels: the first error each kernel would answer (or none), and
 * one line for the user that groups kernels answering alike: {@code OK on 6.1+; E2BIG on 5.10: key_size 513 > 512
 * (MAX_BPF_STACK) ...}.
 */
public record TargetVerdicts(MapSpec spec, List<Verdict> verdicts) {

    /** One kernel's answer; {@code error} empty when the map is created there. */
    public record Verdict(KernelVersion kernel, Optional<Violation> error) {
        public boolean ok() {
            return error.isEmpty();
        }

        /** {@code OK} or the errno name ({@code E2BIG}); {@code ERROR} for a loader refusal without errno. */
        public String answer() {
            return error.map(v -> v.errno().map(Enum::name).orElse("ERROR")).orElse("OK");
        }

        /** What the kernel answers and why: {@code OK}, or {@code E2BIG [hash.key-size-stack] key_size ...}. */
        public String describe() {
            return error.map(v -> answer() + " [" + v.ruleId() + "] " + v.message()).orElse("OK");
        }
    }

    public TargetVerdicts {
        verdicts = List.copyOf(verdicts);
    }

    /** Checks {@code spec} with {@code options} on every target, oldest first. */
    public static TargetVerdicts of(MapSpec spec, List<KernelProfile> targets, CheckOptions options) {
        List<Verdict> out = new ArrayList<>();
        for (KernelProfile target : targets) {
            Optional<Violation> error = new MapRuleEngine(target, options).check(spec).stream()
                    .filter(v -> v.severity() == Severity.ERROR).findFirst();
            out.add(new Verdict(target.version(), error));
        }
        return new TargetVerdicts(spec, out);
    }

    public boolean allOk() {
        return verdicts.stream().allMatch(Verdict::ok);
    }

    /** The targets that refuse the map. */
    public List<Verdict> failures() {
        return verdicts.stream().filter(v -> !v.ok()).toList();
    }

    /**
     * Kernels answering alike, grouped: {@code OK on 6.1+; E2BIG on 5.10: ...}. A group that runs from some target
     * to the newest one is written {@code 6.1+}.
     */
    public String summary() {
        Map<String, List<KernelVersion>> groups = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            groups.computeIfAbsent(v.describe(), k -> new ArrayList<>()).add(v.kernel());
        }
        List<String> parts = new ArrayList<>();
        // Created groups first: "OK on 6.1+" reads best before the reasons older kernels refuse it.
        groups.entrySet().stream().sorted((a, b) -> Boolean.compare(!a.getKey().equals("OK"), !b.getKey().equals("OK")))
                .forEach(e -> parts.add(render(e.getKey(), e.getValue())));
        return String.join("; ", parts);
    }

    /**
     * The finding a build prints when some target refuses the map: an error at the declaration, with the first
     * refusing kernel's rule and errno and the grouped summary as the message; empty when every target creates it.
     */
    public Optional<Violation> toViolation() {
        return failures().stream().findFirst().flatMap(Verdict::error).map(first -> new Violation(first.ruleId(),
                Severity.ERROR, first.errno(), first.mapName(), first.mapType(), first.location(), summary(),
                first.kernelFunction()));
    }

    private String render(String describe, List<KernelVersion> kernels) {
        String answer = describe.equals("OK") ? "OK" : describe.substring(0, describe.indexOf(' '));
        String why = describe.equals("OK") ? "" : ": " + describe.substring(describe.indexOf(' ') + 1);
        return answer + " on " + versions(kernels) + why;
    }

    private String versions(List<KernelVersion> kernels) {
        List<KernelVersion> all = verdicts.stream().map(Verdict::kernel).toList();
        int first = all.indexOf(kernels.get(0));
        boolean suffix = first + kernels.size() == all.size() && all.subList(first, all.size()).equals(kernels);
        if (suffix && kernels.size() > 1) {
            return kernels.get(0) + "+";
        }
        return String.join(", ", kernels.stream().map(KernelVersion::toString).toList());
    }
}
