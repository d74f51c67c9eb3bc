package org.ebpfj.object.btf;

import java.util.List;

/**
 * One BTF type, as plain data. Types refer to each other by id; {@link Btf} resolves ids.
 * The records mirror the kernel's {@code include/uapi/linux/btf.h}; anonymous types have the name "".
 */
public sealed interface BtfType {

    /** The type id (0 is void). */
    int id();

    /** The name, or "" when anonymous. */
    String name();

    /** The kind: each record is one kind, named once in {@link BtfKind}. */
    default BtfKind kind() {
        return BtfKind.of(this);
    }

    /** Types that only qualify or rename another type: typedef, const, volatile, restrict, type tag. */
    sealed interface Modifier extends BtfType permits Typedef, Const, Volatile, Restrict, TypeTag {
        /** The id of the type being qualified. */
        int type();
    }

    /** Struct or union: a sized type with members. */
    sealed interface Composite extends BtfType permits Struct, Union {
        long size();

        List<Member> members();
    }

    /** The implicit type 0. */
    record Void() implements BtfType {
        @Override
        public int id() {
            return 0;
        }

        @Override
        public String name() {
            return "void";
        }
    }

    /**
     * An integer. {@code bitOffset} and {@code bits} describe the value within {@code size} bytes; for ordinary
     * integers the offset is 0 and bits is 8 * size.
     */
    record Int(int id, String name, long size, boolean signed, boolean isChar, boolean isBool, int bitOffset,
               int bits) implements BtfType {
    }

    record Ptr(int id, String name, int type) implements BtfType {
    }

    record Array(int id, String name, int elementType, int indexType, long elements) implements BtfType {
    }

    /**
     * A struct or union member. {@code bitfieldSize} is 0 for a member that is not a bitfield; {@code bitOffset}
     * is counted from the start of the enclosing struct.
     */
    record Member(String name, int type, long bitOffset, int bitfieldSize) {
        public boolean isBitfield() {
            return bitfieldSize != 0;
        }

        /** Byte offset of a non-bitfield member. */
        public long byteOffset() {
            return bitOffset / 8;
        }
    }

    record Struct(int id, String name, long size, List<Member> members) implements Composite {
        public Struct {
            members = List.copyOf(members);
        }
    }

    record Union(int id, String name, long size, List<Member> members) implements Composite {
        public Union {
            members = List.copyOf(members);
        }
    }

    record EnumValue(String name, long value) {
    }

    /** A 32-bit (or smaller) enum; {@code size} is 1, 2, 4 or 8 bytes. */
    record Enum(int id, String name, long size, boolean signed, List<EnumValue> values) implements BtfType {
        public Enum {
            values = List.copyOf(values);
        }
    }

    record Enum64(int id, String name, long size, boolean signed, List<EnumValue> values) implements BtfType {
        public Enum64 {
            values = List.copyOf(values);
        }
    }

    /** A forward declaration of a struct ({@code union == false}) or union. */
    record Fwd(int id, String name, boolean union) implements BtfType {
    }

    record Typedef(int id, String name, int type) implements Modifier {
    }

    record Volatile(int id, String name, int type) implements Modifier {
    }

    record Const(int id, String name, int type) implements Modifier {
    }

    record Restrict(int id, String name, int type) implements Modifier {
    }

    /**
     * {@code __attribute__((btf_type_tag("value")))} on a pointee; the name is the tag's value. {@code attribute}
     * (kind_flag) means the value is a literal C attribute rather than a tag.
     */
    record TypeTag(int id, String name, int type, boolean attribute) implements Modifier {
    }

    enum Linkage { STATIC, GLOBAL, EXTERN }

    record Func(int id, String name, int proto, Linkage linkage) implements BtfType {
    }

    record Param(String name, int type) {
    }

    /** A function signature; a last parameter with type 0 and no name means "...". */
    record FuncProto(int id, String name, int returnType, List<Param> params) implements BtfType {
        public FuncProto {
            params = List.copyOf(params);
        }
    }

    /** A global variable; {@code linkage} is STATIC, GLOBAL (allocated) or EXTERN. */
    record Var(int id, String name, int type, Linkage linkage) implements BtfType {
    }

    /** A variable's place in a data section. */
    record SecInfo(int type, long offset, long size) {
    }

    /**
     * A data section (.data, .rodata, .bss, .maps, .kconfig, ...). {@code size} is what the BTF says: clang writes
     * 0 for object files and libbpf fills it in from the ELF section header.
     */
    record Datasec(int id, String name, long size, List<SecInfo> variables) implements BtfType {
        public Datasec {
            variables = List.copyOf(variables);
        }
    }

    record Float(int id, String name, long size) implements BtfType {
    }

    /**
     * {@code __attribute__((btf_decl_tag("value")))}: the name is the tag's value; {@code componentIndex} is -1 for
     * the declaration itself, else the member or parameter index. {@code attribute} (kind_flag) means the value
     * is a literal C attribute rather than a tag.
     */
    record DeclTag(int id, String name, int type, int componentIndex, boolean attribute) implements BtfType {
    }
}
