package org.ebpfj.kernel.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ebpfj.object.rules.KernelRule;
import org.ebpfj.object.rules.KernelRules;
import org.ebpfj.object.rules.Prediction;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.Errno;

/** Counts of the differential run, per map type, and the disagreements in a form that can be pasted back. */
final class DifferentialTally {
    /** Disagreements shown in the failure message; the count says how many more there were. */
    static final int SHOWN = 40;

    /** One attribute where the kernel and the rules answered differently. */
    record Disagreement(String attrLine, String kind, int kernelErrno, Prediction predicted) {
        String render() {
            return attrLine + "\n    kernel: " + (kernelErrno == 0 ? "OK" : Errno.nameOf(kernelErrno))
                    + ", predicted: " + predicted + "  (" + kind + ")";
        }
    }

    private static final class PerType {
        int compared;
        int created;
        int refused;
        int refusedAtOnce;
        int guarded;
        int overBudget;
        int policy;
        int disagreements;
    }

    private final Map<String, PerType> perType = new TreeMap<>();
    private final Map<String, Integer> agreedRules = new TreeMap<>();
    private final List<Disagreement> disagreements = new ArrayList<>();
    private int compared;
    private int randomCompared;
    private int guarded;
    private int overBudget;
    private int refusedByPolicy;
    private final Map<String, Integer> largerThanRamOtherErrno = new TreeMap<>();

    void guarded(MapCreateAttr attr) {
        guarded++;
        type(attr).guarded++;
    }

    void overBudget(MapCreateAttr attr) {
        overBudget++;
        type(attr).overBudget++;
    }

    /** The kernel refused an attribute of a type this machine refuses by policy ({@link MachinePolicy}). */
    void refusedByPolicy(MapCreateAttr attr) {
        refusedByPolicy++;
        type(attr).policy++;
    }

    /**
     * A map larger than the machine's RAM, predicted ENOMEM, that the kernel refused before allocating with another
     * errno: refused as predicted, but which errno a machine gives for memory it cannot have is not the rules'.
     */
    void largerThanRam(MapCreateAttr attr, int kernelErrno) {
        largerThanRamOtherErrno.merge(attr.type().map(Enum::name).orElse("(unknown type id)") + " "
                + Errno.nameOf(kernelErrno), 1, Integer::sum);
    }

    /** Records one comparison; {@code kernelErrno} is 0 when the kernel created the map. */
    void compared(AttrGenerator.Generated g, String attrLine, int kernelErrno, Prediction p, boolean refusedAtOnce) {
        compared++;
        if (g.kind().startsWith("random")) {
            randomCompared++;
        }
        PerType t = type(g.attr());
        t.compared++;
        if (refusedAtOnce) {
            t.refusedAtOnce++;
        }
        int predicted = p.errno().map(Errno::number).orElse(0);
        if (predicted != kernelErrno) {
            t.disagreements++;
            disagreements.add(new Disagreement(attrLine, g.kind(), kernelErrno, p));
            return;
        }
        if (kernelErrno == 0) {
            t.created++;
        } else {
            t.refused++;
            agreedRules.merge(p.ruleId().orElseThrow(), 1, Integer::sum);
        }
    }

    private PerType type(MapCreateAttr attr) {
        return perType.computeIfAbsent(attr.type().map(Enum::name).orElse("(unknown type ids)"),
                n -> new PerType());
    }

    int compared() {
        return compared;
    }

    int randomCompared() {
        return randomCompared;
    }

    int guarded() {
        return guarded;
    }

    int overBudget() {
        return overBudget;
    }

    int refusedByPolicy() {
        return refusedByPolicy;
    }

    Map<String, Integer> largerThanRamOtherErrno() {
        return new LinkedHashMap<>(largerThanRamOtherErrno);
    }

    List<Disagreement> disagreements() {
        return List.copyOf(disagreements);
    }

    /** Kernel rules that no agreeing refusal exercised in this run. */
    Set<String> rulesNeverSeen() {
        Set<String> out = new TreeSet<>();
        for (KernelRule r : KernelRules.ordered()) {
            if (!agreedRules.containsKey(r.id())) {
                out.add(r.id());
            }
        }
        return out;
    }

    Map<String, Integer> agreedRules() {
        return new LinkedHashMap<>(agreedRules);
    }

    /**
     * A table: per type, how many were compared, created, refused (of which ENOMEM refused at once for more than
     * RAM), not created by the memory guard or the time budget, refused by the machine's policy, and disagreements.
     */
    String table() {
        StringBuilder sb = new StringBuilder(String.format("%-22s %8s %8s %8s %8s %8s %8s %8s %8s%n", "type",
                "compared", "created", "refused", "at-once", "guarded", "budget", "policy", "disagree"));
        perType.forEach((name, t) -> sb.append(String.format("%-22s %8d %8d %8d %8d %8d %8d %8d %8d%n", name,
                t.compared, t.created, t.refused, t.refusedAtOnce, t.guarded, t.overBudget, t.policy,
                t.disagreements)));
        return sb.toString();
    }
}
