package org.ebpfj.bench.report;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * One line of the report: a Java measurement, the baseline it is set against, each measured in one or more rounds,
 * and the ratio {@code baseline ns ÷ Java ns} (= Java ops/s ÷ baseline ops/s; above 1 means Java is faster): the
 * median of the rounds' ratios, so that a slow minute of the machine, which lands on one side of one round, cannot
 * decide it. Carries the target the issue set for it, if any.
 */
record Comparison(String what, String javaSide, String baselineSide, List<Round> rounds, double target) {
    static final double NO_TARGET = 0;

    /** The two sides as measured in one round (C and Java run one after the other). */
    record Round(OptionalDouble javaNs, OptionalDouble baselineNs) {
        OptionalDouble ratio() {
            return javaNs.isPresent() && baselineNs.isPresent() && javaNs.getAsDouble() > 0
                    ? OptionalDouble.of(baselineNs.getAsDouble() / javaNs.getAsDouble()) : OptionalDouble.empty();
        }
    }

    OptionalDouble ratio() {
        return median(Round::ratio);
    }

    OptionalDouble javaNs() {
        return median(Round::javaNs);
    }

    OptionalDouble baselineNs() {
        return median(Round::baselineNs);
    }

    /** Rounds in which both sides were measured. */
    long pairedRounds() {
        return rounds.stream().filter(r -> r.ratio().isPresent()).count();
    }

    boolean hasTarget() {
        return target > NO_TARGET;
    }

    boolean met() {
        return hasTarget() && ratio().isPresent() && ratio().getAsDouble() >= target;
    }

    String markdownRow() {
        String perRound = pairedRounds() > 1 ? rounds.stream().map(Round::ratio).filter(OptionalDouble::isPresent)
                .map(r -> String.format("%.2f", r.getAsDouble())).reduce((a, b) -> a + ", " + b)
                .map(s -> " (" + s + ")").orElse("") : "";
        return "| " + what + " | " + javaSide + " " + ns(javaNs()) + " | " + baselineSide + " " + ns(baselineNs())
                + " | " + (ratio().isPresent() ? String.format("%.2f", ratio().getAsDouble()) : "missing") + perRound
                + " | " + (hasTarget() ? "≥ " + target + (met() ? " ✔" : " ✘") : "-") + " |";
    }

    private OptionalDouble median(Function<Round, OptionalDouble> side) {
        double[] v = rounds.stream().map(side).filter(Objects::nonNull).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).sorted().toArray();
        return v.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(JavaResults.median(v));
    }

    private static String ns(OptionalDouble v) {
        if (v.isEmpty()) {
            return "(missing)";
        }
        double n = v.getAsDouble();
        return n >= 1e6 ? String.format("%.1f ms", n / 1e6) : n >= 1e4 ? String.format("%.1f µs", n / 1e3)
                : String.format("%.0f ns", n);
    }
}
