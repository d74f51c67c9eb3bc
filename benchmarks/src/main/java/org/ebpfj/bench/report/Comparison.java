package org.ebpfj.bench.report;

import java.util.OptionalDouble;

/**
 * One line of the report: a Java measurement, the baseline it is set against, and the ratio
 * {@code baseline ns ÷ Java ns} (= Java ops/s ÷ baseline ops/s: above 1 means Java is faster), with the target
 * the issue set for it, if any.
 */
record Comparison(String what, String javaSide, OptionalDouble javaNs, String baselineSide, OptionalDouble baselineNs,
                  double target) {
    static final double NO_TARGET = 0;

    OptionalDouble ratio() {
        if (javaNs.isEmpty() || baselineNs.isEmpty() || javaNs.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(baselineNs.getAsDouble() / javaNs.getAsDouble());
    }

    boolean hasTarget() {
        return target > NO_TARGET;
    }

    boolean met() {
        return hasTarget() && ratio().isPresent() && ratio().getAsDouble() >= target;
    }

    String markdownRow() {
        return "| " + what + " | " + javaSide + " " + ns(javaNs) + " | " + baselineSide + " " + ns(baselineNs) + " | "
                + (ratio().isPresent() ? String.format("%.2f", ratio().getAsDouble()) : "missing") + " | "
                + (hasTarget() ? "≥ " + target + (met() ? " ✔" : " ✘") : "-") + " |";
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
