package org.ebpfj.object.elf;

import java.util.Objects;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.bytes.StringTable;

/**
 * One {@code .symtab} entry. A plain value with a record's equality and text; its name is made from the string table
 * the first time it is asked for (an object has a symbol per section, label and variable, and reading its spec needs
 * the names of a few), after {@link ElfFile} checked that it can be.
 *
 * <p>{@code sectionIndex} is {@code st_shndx}: a section index, or one of the reserved values ({@link #SHN_UNDEF},
 * {@link #SHN_ABS}, {@link #SHN_COMMON}).
 */
public final class ElfSymbol {

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

    private final int index;
    private final long value;
    private final long size;
    private final int type;
    private final int binding;
    private final int visibility;
    private final int sectionIndex;
    /** The string table and the (checked) offset the name is made from; null for a symbol built with its name. */
    private final StringTable strings;
    private final long nameOffset;
    private String name;

    public ElfSymbol(int index, String name, long value, long size, int type, int binding, int visibility,
                     int sectionIndex) {
        this(index, value, size, type, binding, visibility, sectionIndex, null, 0);
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A symbol named by a string-table offset that {@code strings.fits}. */
    ElfSymbol(int index, long value, long size, int type, int binding, int visibility, int sectionIndex,
              StringTable strings, long nameOffset) {
        this.index = index;
        this.value = value;
        this.size = size;
        this.type = type;
        this.binding = binding;
        this.visibility = visibility;
        this.sectionIndex = sectionIndex;
        this.strings = strings;
        this.nameOffset = nameOffset;
    }

    public int index() {
        return index;
    }

    /** The name, "" for an unnamed symbol (section symbols, the null symbol). */
    public String name() {
        String n = name;
        if (n == null) {
            try {
                n = nameOffset == 0 ? "" : strings.get(nameOffset);
            } catch (ObjectFormatException e) {
                throw new IllegalStateException("a checked symbol name failed to decode: " + e.getMessage(), e);
            }
            name = n; // racing threads make equal strings
        }
        return n;
    }

    public long value() {
        return value;
    }

    public long size() {
        return size;
    }

    public int type() {
        return type;
    }

    public int binding() {
        return binding;
    }

    public int visibility() {
        return visibility;
    }

    public int sectionIndex() {
        return sectionIndex;
    }

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

    @Override
    public boolean equals(Object o) {
        return o instanceof ElfSymbol s && index == s.index && value == s.value && size == s.size && type == s.type
                && binding == s.binding && visibility == s.visibility && sectionIndex == s.sectionIndex
                && name().equals(s.name());
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, name(), value, size, type, binding, visibility, sectionIndex);
    }

    @Override
    public String toString() {
        return "ElfSymbol[index=" + index + ", name=" + name() + ", value=" + value + ", size=" + size + ", type="
                + type + ", binding=" + binding + ", visibility=" + visibility + ", sectionIndex=" + sectionIndex
                + "]";
    }
}
