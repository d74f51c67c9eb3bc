package org.ebpfj.object.elf;

import java.util.Objects;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.ByteView;

/**
 * One section header and its bytes, a plain value with a record's equality. {@code data} is empty for SHT_NOBITS
 * sections (.bss), whose {@code size} is what the section occupies at run time, not in the file. The window on the
 * bytes is made when first asked for: an object has thirty sections and reading its spec looks into a few.
 *
 * <p>{@code index} is the section's index in the section header table (what symbols and relocations refer to).
 */
public final class ElfSection {

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

    private final int index;
    private final String name;
    private final int type;
    private final long flags;
    private final long offset;
    private final long size;
    private final int link;
    private final int info;
    private final long alignment;
    private final long entrySize;
    /** The whole file, whose window {@link #data} becomes (bounds checked by {@link ElfFile}); null when given. */
    private final ByteView file;
    private ByteView data;

    public ElfSection(int index, String name, int type, long flags, long offset, long size, int link, int info,
                      long alignment, long entrySize, ByteView data) {
        this(index, name, type, flags, offset, size, link, info, alignment, entrySize, null,
                Objects.requireNonNull(data, "data"));
    }

    ElfSection(int index, String name, int type, long flags, long offset, long size, int link, int info,
               long alignment, long entrySize, ByteView file, ByteView data) {
        this.index = index;
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.flags = flags;
        this.offset = offset;
        this.size = size;
        this.link = link;
        this.info = info;
        this.alignment = alignment;
        this.entrySize = entrySize;
        this.file = file;
        this.data = data;
    }

    /** A section of a checked file, its window made on first use. */
    static ElfSection inFile(int index, String name, int type, long flags, long offset, long size, int link,
                             int info, long alignment, long entrySize, ByteView file) {
        return new ElfSection(index, name, type, flags, offset, size, link, info, alignment, entrySize, file, null);
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public int type() {
        return type;
    }

    public long flags() {
        return flags;
    }

    public long offset() {
        return offset;
    }

    public long size() {
        return size;
    }

    public int link() {
        return link;
    }

    public int info() {
        return info;
    }

    public long alignment() {
        return alignment;
    }

    public long entrySize() {
        return entrySize;
    }

    /** The section's bytes, called {@code section 'NAME'} in messages; empty for SHT_NOBITS and SHT_NULL. */
    public ByteView data() {
        ByteView d = data;
        if (d == null) {
            boolean occupiesFile = type != SHT_NOBITS && type != SHT_NULL;
            try {
                d = file.slice(occupiesFile ? offset : 0, occupiesFile ? size : 0, "section", name);
            } catch (ObjectFormatException e) {
                throw new IllegalStateException("a checked section lies outside its file: " + e.getMessage(), e);
            }
            data = d; // racing threads make equal windows
        }
        return d;
    }

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
    public boolean equals(Object o) {
        return o instanceof ElfSection s && index == s.index && name.equals(s.name) && type == s.type
                && flags == s.flags && offset == s.offset && size == s.size && link == s.link && info == s.info
                && alignment == s.alignment && entrySize == s.entrySize && data().equals(s.data());
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, name, type, flags, offset, size, link, info, alignment, entrySize, data());
    }

    @Override
    public String toString() {
        return "section #" + index + " '" + name + "'";
    }
}
