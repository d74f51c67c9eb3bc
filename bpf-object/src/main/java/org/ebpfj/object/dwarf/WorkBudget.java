package org.ebpfj.object.dwarf;

/**
 * Bounds the bytes parsed for tables that units share by offset (abbreviations, line table headers). Real objects
 * parse each table once; a crafted object whose units all point at different places inside one large table would
 * otherwise cost units times table size.
 */
final class WorkBudget {
    private final long limit;
    private long spent;

    WorkBudget(long limit) {
        this.limit = limit;
    }

    void spend(long bytes, String what) throws DwarfFormatException {
        spent += Math.max(0, bytes);
        if (spent > limit) {
            throw new DwarfFormatException(what, -1, "units re-read their shared tables more than " + limit
                    + " bytes in total: the tables overlap far more than a compiler makes them");
        }
    }
}
