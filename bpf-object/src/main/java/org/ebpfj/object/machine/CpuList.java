package org.ebpfj.object.machine;

import java.util.BitSet;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A kernel id list such as {@code 0-3,8,10-11}: the format of the CPU and NUMA node masks under
 * {@code /sys/devices/system} ({@code cpu/possible}, {@code cpu/online}, {@code node/online}, ...). The one parser of
 * that format in the project.
 */
public final class CpuList {

    /** The largest id accepted: far above any real CPU or node count, low enough to keep the set small. */
    public static final int MAX_ID = 1 << 20;

    private final BitSet ids;

    private CpuList(BitSet ids) {
        this.ids = ids;
    }

    /** Parses a list; empty when the text is not one (blank, a reversed range, an id above {@link #MAX_ID}). */
    public static Optional<CpuList> tryParse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        BitSet ids = new BitSet();
        for (String part : text.trim().split(",")) {
            int dash = part.indexOf('-');
            int lo = id(dash < 0 ? part : part.substring(0, dash));
            int hi = dash < 0 ? lo : id(part.substring(dash + 1));
            if (lo < 0 || hi < 0 || lo > hi) {
                return Optional.empty();
            }
            ids.set(lo, hi + 1);
        }
        return Optional.of(new CpuList(ids));
    }

    /** Like {@link #tryParse}, for text that must be a list: throws with the text when it is not. */
    public static CpuList parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not a CPU list: '" + text + "'"));
    }

    /** A decimal id within 0..MAX_ID, or -1. */
    private static int id(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 7 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int n = Integer.parseInt(t);
        return n <= MAX_ID ? n : -1;
    }

    /** How many ids the list holds: {@code num_possible_cpus()} for {@code cpu/possible}. */
    public int count() {
        return ids.cardinality();
    }

    /** The highest id in the list. */
    public int highest() {
        return ids.length() - 1;
    }

    public boolean contains(int id) {
        return id >= 0 && ids.get(id);
    }

    /** A copy of the ids as a bit set. */
    public BitSet bits() {
        return (BitSet) ids.clone();
    }

    /** The ids in ascending order. */
    public SortedSet<Integer> ids() {
        TreeSet<Integer> set = new TreeSet<>();
        ids.stream().forEach(set::add);
        return Collections.unmodifiableSortedSet(set);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuList other && other.ids.equals(ids);
    }

    @Override
    public int hashCode() {
        return ids.hashCode();
    }

    /** The kernel's own format, ranges collapsed: {@code 0-3,8}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int lo = ids.nextSetBit(0); lo >= 0; lo = ids.nextSetBit(ids.nextClearBit(lo))) {
            int hi = ids.nextClearBit(lo) - 1;
            sb.append(sb.length() == 0 ? "" : ",").append(lo).append(lo == hi ? "" : "-" + hi);
        }
        return sb.toString();
    }
}
