package org.ebpfj.object.dwarf;

/**
 * One entry of an abbreviation table: the tag and the attribute layout shared by every DIE that names its code.
 * Attribute {@code i} is {@link #attribute(int)} with form {@link #form(int)} (and, for DW_FORM_implicit_const,
 * value {@link #implicitConst(int)}). The (attribute, form) pairs of a whole table live in one {@link Pairs} the
 * table's abbreviations share, so reading a table allocates one small object per abbreviation and no arrays of its
 * own. {@code count} is how many attributes a DIE of this abbreviation has, {@code first} its first pair in the
 * table's {@link Pairs}.
 */
record Abbreviation(long code, long tag, boolean hasChildren, Pairs pairs, int first, int count) {

    int attribute(int i) {
        return pairs.attribute(first + i);
    }

    int form(int i) {
        return pairs.form(first + i);
    }

    long implicitConst(int i) {
        return pairs.implicitConst(first + i);
    }
}
