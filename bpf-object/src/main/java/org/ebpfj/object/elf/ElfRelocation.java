package org.ebpfj.object.elf;

/**
 * One relocation. BPF objects use SHT_REL, whose addend is implicit (the value already stored at {@code offset});
 * SHT_RELA entries carry it explicitly.
 *
 * @param offset          byte offset within the section the relocation applies to
 * @param symbolIndex     index into {@code .symtab}
 * @param explicitAddend  whether {@code addend} came from an SHT_RELA entry (else it is 0 and the addend is in place)
 */
public record ElfRelocation(long offset, int symbolIndex, int type, long addend, boolean explicitAddend) {

    /** {@code R_BPF_64_64}: a 64-bit immediate of an ld_imm64 instruction (map and global data references). */
    public static final int R_BPF_64_64 = 1;
    /** {@code R_BPF_64_ABS64}: a plain 64-bit value (debug info addresses, map-in-map initial values). */
    public static final int R_BPF_64_ABS64 = 2;
    /** {@code R_BPF_64_ABS32}: a plain 32-bit value (debug section offsets). */
    public static final int R_BPF_64_ABS32 = 3;
    public static final int R_BPF_64_NODYLD32 = 4;
    /** {@code R_BPF_64_32}: a call to a BPF function. */
    public static final int R_BPF_64_32 = 10;
}
