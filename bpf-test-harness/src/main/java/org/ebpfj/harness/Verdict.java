package org.ebpfj.harness;

import java.util.List;

/**
 * Whether a test may run here: {@link Kind#RUN}, {@link Kind#SKIP} (the environment lacks something the test
 * needs, e.g. privileges or an old kernel) or {@link Kind#FAIL} (the kernel should have it but does not).
 */
record Verdict(Kind kind, String reason) {
    enum Kind { RUN, SKIP, FAIL }

    static final Verdict RUN = new Verdict(Kind.RUN, "");

    static Verdict skip(String reason) {
        return new Verdict(Kind.SKIP, reason);
    }

    static Verdict fail(String reason) {
        return new Verdict(Kind.FAIL, reason);
    }

    boolean runs() {
        return kind == Kind.RUN;
    }

    /** The most serious of several verdicts, their reasons joined: any FAIL fails, else any SKIP skips. */
    static Verdict combine(List<Verdict> verdicts) {
        for (Kind k : new Kind[] {Kind.FAIL, Kind.SKIP}) {
            List<String> reasons = verdicts.stream().filter(v -> v.kind == k).map(Verdict::reason).toList();
            if (!reasons.isEmpty()) {
                return new Verdict(k, String.join("; ", reasons));
            }
        }
        return RUN;
    }
}
