package org.ebpfj.object.machine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mainline kernel change that stable series took later, so that a kernel's major.minor alone does not say whether
 * it has the change: 6.12.118 has a fix that 6.12.0 lacks. Each series row names the first point release that
 * carries it and the evidence the row rests on; a series without a row is taken not to carry it.
 *
 * @param commit   the mainline commit (abbreviated hash)
 * @param subject  the commit's subject line
 * @param mainline the first mainline release with the change
 * @param series   per stable series, the first point release with the backport
 */
public record StableBackport(String commit, String subject, KernelVersion mainline, List<Series> series) {

    /**
     * One stable series that took the change.
     *
     * @param first    the first point release of the series that carries it, e.g. {@code 6.6.99}
     * @param evidence what the row rests on (a stable review's shortlog, a measurement in a guest of that kernel)
     */
    public record Series(KernelVersion first, String evidence) {
        public Series {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(evidence, "evidence");
        }

        boolean sameSeries(KernelVersion v) {
            return v.major() == first.major() && v.minor() == first.minor();
        }
    }

    public StableBackport {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(mainline, "mainline");
        series = List.copyOf(series);
    }

    /** Whether a kernel of this version has the change: mainline at or past it, or a stable release that took it. */
    public boolean carriedBy(KernelVersion version) {
        return version.atLeast(mainline) || row(version).filter(s -> version.atLeast(s.first())).isPresent();
    }

    /** The stable row of the version's series, if that series took the change. */
    public Optional<Series> row(KernelVersion version) {
        return series.stream().filter(s -> s.sameSeries(version)).findFirst();
    }

    /** "6.16, stable 6.15.7, 6.12.39, 6.6.99": where the change is, for rule tables and messages. */
    public String releases() {
        StringBuilder b = new StringBuilder(mainline.toString());
        if (!series.isEmpty()) {
            b.append(", stable ");
            for (int i = 0; i < series.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(series.get(i).first());
            }
        }
        return b.toString();
    }
}
