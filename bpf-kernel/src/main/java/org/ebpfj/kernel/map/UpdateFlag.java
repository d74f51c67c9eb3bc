package org.ebpfj.kernel.map;

/** How an update treats an existing key ({@code BPF_ANY}, {@code BPF_NOEXIST}, {@code BPF_EXIST}). */
public enum UpdateFlag {
    /** Create the key or replace its value. */
    ANY(0),
    /** Create the key only; EEXIST ({@link org.ebpfj.kernel.error.KeyExistsException}) when it is present. */
    NOEXIST(1),
    /** Replace the value only; ENOENT ({@link org.ebpfj.kernel.error.KeyNotFoundException}) when the key is absent. */
    EXIST(2);

    private final long bits;

    UpdateFlag(long bits) {
        this.bits = bits;
    }

    public long bits() {
        return bits;
    }
}
