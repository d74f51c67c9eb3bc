package org.ebpfj.object.rules;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a map costs in kernel memory, as data for reports (maps.json) and the memory rules.
 *
 * @param upfrontBytes      allocated by BPF_MAP_CREATE itself (preallocated elements, arrays, bucket tables)
 * @param fullBytes         when every entry is in use (equals upfront for fully preallocated maps)
 * @param largestAllocation the largest single allocation at create time
 * @param parts             what the numbers are made of; empty in the estimates the rules make for themselves,
 *                          which need only the totals ({@link MemoryParts})
 * @param explanation       how the estimate was made, and what it leaves out: {@link #basis()}
 */
public record MemoryEstimate(long upfrontBytes, long fullBytes, long largestAllocation, List<Part> parts,
                             Explanation explanation) {

    /** One allocation (or a group of equal ones). {@code upfront}: made at create time, else on use. */
    public record Part(String what, long bytes, boolean upfront) {
    }

    /**
     * The basis as text, written when first shown: every check of a map asks for the numbers (the memory rule runs in
     * each evaluation), and almost none shows the text. Equal when the texts are.
     */
    public static final class Explanation {
        private Supplier<String> writer;
        private String text;

        Explanation(Supplier<String> writer) {
            this.writer = Objects.requireNonNull(writer, "writer");
        }

        public synchronized String text() {
            if (text == null) {
                text = writer.get();
                writer = null;
            }
            return text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Explanation e && e.text().equals(text());
        }

        @Override
        public int hashCode() {
            return text().hashCode();
        }

        @Override
        public String toString() {
            return text();
        }
    }

    public MemoryEstimate {
        parts = List.copyOf(parts);
        Objects.requireNonNull(explanation, "explanation");
    }

    /** How the estimate was made, and what it leaves out. */
    public String basis() {
        return explanation.text();
    }

    /** {@code 1.5 GiB up front, 2 GiB when full}. */
    public String describe() {
        if (upfrontBytes == fullBytes) {
            return Sizes.human(upfrontBytes) + " (preallocated)";
        }
        return Sizes.human(upfrontBytes) + " at create, up to " + Sizes.human(fullBytes) + " when full";
    }
}
