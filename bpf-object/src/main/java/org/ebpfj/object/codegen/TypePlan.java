package org.ebpfj.object.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ebpfj.object.btf.BtfType;

/**
 * A Java type to generate for one BTF type: a record for a struct, a view for a union, an enum for an enum.
 * Plain data, filled by {@link TypePlanner} and written by {@link RecordWriter}, {@link UnionWriter} and
 * {@link EnumWriter}.
 */
sealed interface TypePlan {

    /** The simple Java name (nested plans are named inside their parent). */
    String javaName();

    /** The C type, e.g. {@code struct flow_key}. */
    String cName();

    /** Where the C type is declared, e.g. {@code objects/shapes.bpf.c:29}, when debug info says. */
    Optional<String> location();

    /**
     * One member of a struct or union as a record component or view accessor.
     *
     * @param javaName  the component's name
     * @param cName     the C member's name ("" for an anonymous member, described by {@code cType})
     * @param cType     the C member's type, e.g. {@code __u32} or {@code struct point}
     * @param bitOffset from the start of the enclosing top-level type (anonymous structs are flattened)
     * @param bits      the width of a bitfield, 0 for an ordinary member
     * @param signed    whether a bitfield sign-extends
     * @param enumType  the generated Java enum when the member is a named C enum
     */
    record Component(String javaName, String cName, String cType, long bitOffset, int bits, boolean signed,
                     JavaType type, Optional<String> enumType) {
        long byteOffset() {
            return bitOffset / 8;
        }

        boolean isBitfield() {
            return bits != 0;
        }

        /** The Java name of a bitfield or scalar component: int or long, boolean for a one-bit {@code _Bool}. */
        String declaredType() {
            return type.name();
        }
    }

    /** A struct as a record; anonymous struct and union members nested inside it. */
    record StructPlan(int btfId, String javaName, String cName, long size, List<Component> components,
                      List<long[]> gaps, List<TypePlan> nested, Optional<String> location, List<String> notes)
            implements TypePlan {
    }

    /** A union as a view over its bytes, with one accessor per member. */
    record UnionPlan(int btfId, String javaName, String cName, long size, List<Component> members,
                     List<TypePlan> nested, Optional<String> location, List<String> notes) implements TypePlan {
    }

    /** An enum as a Java enum of its named values. */
    record EnumPlan(int btfId, String javaName, String cName, long size, boolean signed,
                    List<BtfType.EnumValue> values, Optional<String> location) implements TypePlan {
    }

    /** Mutable collector for the nested plans and notes of one type while it is planned. */
    final class Nesting {
        final List<TypePlan> nested = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
    }
}
