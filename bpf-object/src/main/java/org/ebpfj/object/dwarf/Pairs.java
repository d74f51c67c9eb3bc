package org.ebpfj.object.dwarf;

import java.util.Arrays;

/**
 * The (attribute, form) pairs of one abbreviation table, in the order read, and their implicit constants once one
 * is not 0. The table's abbreviations share it, each naming its first pair and how many it has; it only grows
 * while the table is read.
 */
final class Pairs {
    /** Attribute of pair {@code p} at {@code 2 * p}, its form at {@code 2 * p + 1}. */
    int[] pairs;
    /** Null while every implicit constant is 0. */
    long[] consts;
    int count;

    Pairs(int capacity) {
        pairs = new int[2 * Math.max(1, capacity)];
    }

    void add(int attribute, int form, long implicit) {
        if (2 * count == pairs.length) {
            pairs = Arrays.copyOf(pairs, 2 * pairs.length);
            if (consts != null) {
                consts = Arrays.copyOf(consts, pairs.length / 2);
            }
        }
        if (implicit != 0 && consts == null) {
            consts = new long[pairs.length / 2];
        }
        pairs[2 * count] = attribute;
        pairs[2 * count + 1] = form;
        if (consts != null) {
            consts[count] = implicit;
        }
        count++;
    }
}
