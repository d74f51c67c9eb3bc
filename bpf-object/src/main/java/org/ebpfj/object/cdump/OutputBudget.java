package org.ebpfj.object.cdump;

import org.ebpfj.object.btf.BtfFormatException;

/**
 * A ceiling on how much text one header may grow to. BTF records are small but what they ask for is not: a
 * 12-byte struct record can claim 4 GiB of size (hundreds of millions of padding fields), and anonymous types
 * shared at several nesting levels are written out once per use, which grows exponentially. Real headers stay
 * far below the ceiling (the kernel's is about 3 MB); hostile BTF gets a {@link BtfFormatException} instead of
 * exhausting memory or disk.
 */
final class OutputBudget {
    /** Characters, counting text nested in inline definitions once per level. */
    static final long DEFAULT_LIMIT = 64L << 20;

    private final long limit;
    private long used;

    OutputBudget(long limit) {
        this.limit = limit;
    }

    /** Records text about to be written (or built) for type {@code id}. */
    void charge(long chars, int id) throws BtfFormatException {
        used += chars;
        if (chars < 0 || used > limit) {
            throw new BtfFormatException("BTF type #" + id, -1, "the header would exceed " + limit
                    + " characters; the BTF asks for far more padding or inline copies than any compiler writes");
        }
    }
}
