package org.ebpfj.object.dwarf;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.elf.ElfFile;

/**
 * The C types of a BPF object's DWARF, and which types each function's local variables and parameters have.
 *
 * <p>BTF keeps only the types that maps, globals and function signatures use; a struct a program only fills
 * through a local ({@code struct event *e = bpf_ringbuf_reserve(...)}) is in DWARF alone. This is the part of the
 * DWARF that recovers such types: base types, pointers, structs and unions with member offsets and bitfields,
 * enums, arrays, typedefs and qualifiers, each keyed by its DIE's offset in {@code .debug_info}.
 *
 * @param types  every type DIE, by offset
 * @param locals     for each function (by name), the type offsets of its local variables, those of the functions
 *                   inlined into it included
 * @param parameters the same for parameters
 */
public record DwarfTypes(Map<Long, Type> types, Map<String, Set<Long>> locals, Map<String, Set<Long>> parameters) {

    /** What a type DIE is. */
    public enum Kind { BASE, POINTER, STRUCT, UNION, ENUM, ARRAY, TYPEDEF, QUALIFIER, OTHER }

    /**
     * One type DIE.
     *
     * @param target     the referenced type (pointee, element, aliased, qualified) or -1 for void
     * @param encoding   DW_ATE_* of a base type (2 boolean, 4 float, 5 signed, 6 signed char, 7 unsigned,
     *                   8 unsigned char), else 0
     * @param dimensions element counts of an array, outermost first (0 for a flexible dimension)
     */
    public record Type(long offset, Kind kind, String name, long byteSize, long target, int encoding,
                       List<Member> members, List<Long> dimensions, List<Enumerator> values,
                       boolean declaration) {
    }

    /**
     * A struct or union member.
     *
     * @param bitOffset from the start of the composite, counted as BTF counts it (in the object's byte order); -1
     *                  when DWARF gives no constant location
     * @param bitSize   bits of a bitfield, 0 for a whole member
     */
    public record Member(String name, long type, long bitOffset, int bitSize) {
    }

    /** An enum constant. */
    public record Enumerator(String name, long value) {
    }

    /** The type at an offset, if it is one. */
    public Optional<Type> type(long offset) {
        return Optional.ofNullable(types.get(offset));
    }

    /** Follows typedefs and qualifiers; -1 for void. */
    public long resolve(long offset) {
        long cur = offset;
        for (int i = 0; i < 64; i++) {
            Type t = types.get(cur);
            if (t == null || (t.kind() != Kind.TYPEDEF && t.kind() != Kind.QUALIFIER)) {
                return t == null ? -1 : cur;
            }
            cur = t.target();
        }
        return -1;
    }

    /** Reads the types and locals; empty when the object has no DWARF. */
    public static DwarfTypes read(ElfFile elf) throws DwarfFormatException {
        try {
            Optional<DebugSections> sections = DebugSections.of(elf);
            if (sections.isEmpty()) {
                return new DwarfTypes(Map.of(), Map.of(), Map.of());
            }
            return new DwarfTypeWalk(sections.get(), elf.order()).run();
        } catch (DwarfFormatException e) {
            throw e;
        } catch (ObjectFormatException e) {
            throw new DwarfFormatException(e.part(), e.offset(), e.getMessage());
        }
    }
}
