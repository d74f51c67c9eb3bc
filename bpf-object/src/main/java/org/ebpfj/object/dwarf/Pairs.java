package org.ebpfj.object.dwarf;

import java.util.Arrays;

/**
 * The (attribute, form, implicit constant) triples of one abbreviation table, in the order read. The table's
 * abbreviations share it, each naming its first pair and how many it has; it only grows while the table is read.
 * Constants are kept as ints (compilers write small ones: a file index, a language); the first that does not fit
 * moves them all to a parallel array of longs.
 */
final class Pairs {
    /** Attribute of pair {@code p} at {@code 3 * p}, its form at {@code 3 * p + 1}, its constant at {@code 3 * p + 2}. */
    int[] triples;
    /** Every pair's constant, once one does not fit in an int; else null. */
    long[] wide;
    int count;

    /** Room for pairs in {@code bytes} bytes of table: a pair takes at least 2, an abbreviation's head 5 more. */
    Pairs(long bytes) {
        triples = new int[3 * (int) Math.max(8, Math.min(1024, bytes / 3))];
    }

    void add(int attribute, int form, long implicit) {
        if (3 * count == triples.length) {
            triples = Arrays.copyOf(triples, 2 * triples.length);
            if (wide != null) {
                wide = Arrays.copyOf(wide, triples.length / 3);
            }
        }
        if (wide == null && implicit != (int) implicit) {
            wide = new long[triples.length / 3];
            for (int p = 0; p < count; p++) {
                wide[p] = triples[3 * p + 2];
            }
        }
        triples[3 * count] = attribute;
        triples[3 * count + 1] = form;
        triples[3 * count + 2] = (int) implicit;
        if (wide != null) {
            wide[count] = implicit;
        }
        count++;
    }

    int attribute(int p) {
        return triples[3 * p];
    }

    int form(int p) {
        return triples[3 * p + 1];
    }

    long implicitConst(int p) {
        long[] w = wide;
        return w != null ? w[p] : triples[3 * p + 2];
    }
}
