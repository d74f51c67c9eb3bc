package org.ebpfj.object.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.ebpfj.object.rules.MemoryEstimate.Part;

/**
 * The parts of a memory estimate as {@link MemoryModel} adds them: the totals always, the labelled parts only when
 * the estimate is itemised. A report lists the parts; the memory rule and the memory advice, which run for every
 * map of every build, need only the totals, so they get an estimate whose {@link MemoryEstimate#parts()} is empty.
 */
final class MemoryParts {
    /** Null when only the totals are kept. */
    private final List<Part> itemised;
    private long upfront;
    private long full;
    private long largest;

    MemoryParts(boolean itemise) {
        this.itemised = itemise ? new ArrayList<>(3) : null;
    }

    /** One allocation (or a group of equal ones); {@code upfront}: made at create time, else on use. */
    MemoryParts add(String what, long bytes, boolean upfront) {
        if (itemised != null) {
            itemised.add(new Part(what, bytes, upfront));
        }
        full = Sizes.saturatingAdd(full, bytes);
        if (upfront) {
            this.upfront = Sizes.saturatingAdd(this.upfront, bytes);
            largest = Math.max(largest, bytes);
        }
        return this;
    }

    /** A part whose label names a count ({@code array of 8 values}): the label is written only when itemised. */
    MemoryParts add(String before, long count, String after, long bytes, boolean upfront) {
        return add(itemised == null ? "" : before + count + after, bytes, upfront);
    }

    MemoryEstimate estimate(String basis) {
        return estimate(() -> basis);
    }

    /** The estimate of the parts added, its basis written when first shown. */
    MemoryEstimate estimate(Supplier<String> basis) {
        return new MemoryEstimate(upfront, full, largest, itemised == null ? List.of() : itemised,
                new MemoryEstimate.Explanation(basis));
    }
}
