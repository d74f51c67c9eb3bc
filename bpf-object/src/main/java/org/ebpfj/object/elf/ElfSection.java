package org.ebpfj.object.elf;

import org.ebpfj.object.bytes.ByteView;

/**
 * One section header and its bytes. {@code data} is empty for SHT_NOBITS sections (.bss), whose {@code size} is
 * what the section occupies at run time, not in the file.
 *
 * @param index the section's index in the section header table (what symbols and relocations refer to)
 */
public record ElfSection(int index, String name, int type, long flags, long offset, long size, int link, int info,
                         long alignment, long entrySize, ByteView data) {

    public static final int SHT_NULL = 0;
    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_RELA = 4;
    public static final int SHT_NOBITS = 8;
    public static final int SHT_REL = 9;
    public static final int SHT_SYMTAB_SHNDX = 18;
    /** LLVM's address-significance table, which libbpf ignores. */
    public static final int SHT_LLVM_ADDRSIG = 0x6fff4c03;

    public static final long SHF_WRITE = 0x1;
    public static final long SHF_ALLOC = 0x2;
    public static final long SHF_EXECINSTR = 0x4;

    public boolean isExecutable() {
        return (flags & SHF_EXECINSTR) != 0;
    }

    public boolean isNobits() {
        return type == SHT_NOBITS;
    }

    public boolean isProgbits() {
        return type == SHT_PROGBITS;
    }

    @Override
    public String toString() {
        return "section #" + index + " '" + name + "'";
    }
}
