package org.ebpfj.object.dwarf;

/**
 * One entry of an abbreviation table: the tag and the attribute layout shared by every DIE that names its code.
 * Arrays are parallel: attribute {@code i} has form {@code forms[i]} (and, for DW_FORM_implicit_const, its value
 * in {@code implicitConsts[i]}). {@code implicitConsts} may be longer than the others: abbreviations without an
 * implicit constant share one array of zeros, which nobody writes.
 */
record Abbreviation(long code, long tag, boolean hasChildren, int[] attributes, int[] forms,
                    long[] implicitConsts) {
}
