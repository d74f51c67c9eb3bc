package org.ebpfj.object.elf;

/**
 * One {@code .symtab} entry.
 *
 * @param sectionIndex {@code st_shndx}: a section index, or one of the reserved values ({@link #SHN_UNDEF},
 *                     {@link #SHN_ABS}, {@link #SHN_COMMON})
 */
public record ElfSymbol(int index, String name, long value, long size, int type, int binding, int visibility,
                        int sectionIndex) {

    public static final int STT_NOTYPE = 0;
    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STT_SECTION = 3;
    public static final int STT_FILE = 4;

    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;

    public static final int STV_DEFAULT = 0;
    public static final int STV_HIDDEN = 2;

    public static final int SHN_UNDEF = 0;
    public static final int SHN_LORESERVE = 0xff00;
    public static final int SHN_ABS = 0xfff1;
    public static final int SHN_COMMON = 0xfff2;
    public static final int SHN_XINDEX = 0xffff;

    public boolean isFunction() {
        return type == STT_FUNC;
    }

    public boolean isLocal() {
        return binding == STB_LOCAL;
    }

    /** libbpf's extern test: undefined, global or weak, no type (how clang emits {@code extern} variables). */
    public boolean isExtern() {
        return sectionIndex == SHN_UNDEF && (binding == STB_GLOBAL || binding == STB_WEAK) && type == STT_NOTYPE;
    }
}
