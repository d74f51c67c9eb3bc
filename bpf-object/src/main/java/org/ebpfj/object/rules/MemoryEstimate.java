package org.ebpfj.object.rules;

import java.util.List;

/**
 * What a map costs in kernel memory, as data for reports (maps.json) and the memory rules.
 *
 * @param upfrontBytes      allocated by BPF_MAP_CREATE itself (preallocated elements, arrays, bucket tables)
 * @param fullBytes         when every entry is in use (equals upfront for fully preallocated maps)
 * @param largestAllocation the largest single allocation at create time
 * @param parts             what the numbers are made of
 * @param basis             how the estimate was made, and what it leaves out
 */
public record MemoryEstimate(long upfrontBytes, long fullBytes, long largestAllocation, List<Part> parts,
                             String basis) {

    /** One allocation (or a group of equal ones). {@code upfront}: made at create time, else on use. */
    public record Part(String what, long bytes, boolean upfront) {
    }

    public MemoryEstimate {
        parts = List.copyOf(parts);
    }

    static MemoryEstimate of(List<Part> parts, String basis) {
        long upfront = 0;
        long full = 0;
        long largest = 0;
        for (Part p : parts) {
            full = Sizes.saturatingAdd(full, p.bytes());
            if (p.upfront()) {
                upfront = Sizes.saturatingAdd(upfront, p.bytes());
                largest = Math.max(largest, p.bytes());
            }
        }
        return new MemoryEstimate(upfront, full, largest, parts, basis);
    }

    /** {@code 1.5 GiB up front, 2 GiB when full}. */
    public String describe() {
        if (upfrontBytes == fullBytes) {
            return Sizes.human(upfrontBytes) + " (preallocated)";
        }
        return Sizes.human(upfrontBytes) + " at create, up to " + Sizes.human(fullBytes) + " when full";
    }
}
