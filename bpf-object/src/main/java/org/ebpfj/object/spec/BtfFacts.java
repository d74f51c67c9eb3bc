package org.ebpfj.object.spec;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.spec.TypeRef;

/**
 * What the kernel's BTF checks at map creation need to know about the key and value types
 * ({@code map_check_btf} and the types' {@code map_check_btf} ops), extracted once from the object's BTF.
 *
 * @param keyShape              the key type after typedefs and qualifiers; VOID when no key type is given
 * @param keyIntBits            bits of an INT key (0 unless {@code keyShape == INT} with bit offset 0)
 * @param keyIsCgroupStorageKey the key is a struct of exactly two integers: 64 bits at 0 and 32 bits at 8
 * @param keySize               the key type's size, empty when it has none (void, function, forward)
 * @param valueSize             the value type's size, empty for a DATASEC (libbpf fixes its size at load time)
 * @param valueIsDatasec        the value is a data section (.data, .bss, .rodata global-data maps)
 * @param specialFields         special fields found in the value
 * @param duplicated            a unique special field that occurs more than once (the kernel answers E2BIG)
 */
public record BtfFacts(
        KeyShape keyShape,
        int keyIntBits,
        boolean keyIsCgroupStorageKey,
        OptionalLong keySize,
        OptionalLong valueSize,
        boolean valueIsDatasec,
        Set<SpecialField> specialFields,
        Optional<SpecialField> duplicated) {

    /** The resolved key type's kind, as far as the kernel's checks distinguish them. */
    public enum KeyShape { VOID, INT, STRUCT, OTHER }

    public BtfFacts {
        Objects.requireNonNull(keyShape, "keyShape");
        specialFields = specialFields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(specialFields));
    }

    /** Facts for a plain key and value of these sizes: an INT key when it is 1, 2, 4 or 8 bytes, a struct value. */
    public static BtfFacts simple(long keySize, long valueSize) {
        boolean intKey = keySize == 1 || keySize == 2 || keySize == 4 || keySize == 8;
        return new BtfFacts(keySize == 0 ? KeyShape.VOID : intKey ? KeyShape.INT : KeyShape.STRUCT,
                intKey ? (int) keySize * 8 : 0, false,
                keySize == 0 ? OptionalLong.empty() : OptionalLong.of(keySize), OptionalLong.of(valueSize), false,
                Set.of(), Optional.empty());
    }

    public BtfFacts withSpecialFields(Set<SpecialField> fields) {
        return new BtfFacts(keyShape, keyIntBits, keyIsCgroupStorageKey, keySize, valueSize, valueIsDatasec, fields,
                duplicated);
    }

    /** Reads the facts from a map definition's key and value types (either may be absent). */
    public static BtfFacts of(Optional<TypeRef> key, Optional<TypeRef> value) {
        KeyShape shape = KeyShape.VOID;
        int bits = 0;
        boolean cgroupKey = false;
        OptionalLong keySize = OptionalLong.empty();
        if (key.isPresent()) {
            Btf btf = key.get().btf();
            BtfType t = btf.resolve(key.get().id());
            keySize = btf.sizeOf(t.id());
            if (t instanceof BtfType.Int i) {
                shape = KeyShape.INT;
                bits = i.bitOffset() == 0 ? i.bits() : 0;
            } else if (t instanceof BtfType.Struct s) {
                shape = KeyShape.STRUCT;
                cgroupKey = isCgroupStorageKey(btf, s);
            } else if (t.id() != 0) {
                shape = KeyShape.OTHER;
            }
        }
        OptionalLong valueSize = OptionalLong.empty();
        boolean datasec = false;
        Set<SpecialField> fields = Set.of();
        Optional<SpecialField> duplicated = Optional.empty();
        if (value.isPresent()) {
            Btf btf = value.get().btf();
            BtfType t = btf.resolve(value.get().id());
            datasec = t instanceof BtfType.Datasec;
            valueSize = datasec ? OptionalLong.empty() : btf.sizeOf(t.id());
            if (mayHoldSpecialFields(t)) {
                SpecialFieldScanner scan = new SpecialFieldScanner(btf);
                scan.scan(t.id());
                fields = scan.found();
                duplicated = scan.duplicated();
            }
        }
        return new BtfFacts(shape, bits, cgroupKey, keySize, valueSize, datasec, fields, duplicated);
    }

    /**
     * Only these kinds lead the scan to a special field (a tagged pointer, or a struct found directly, in an array
     * or in a data section): a scalar value, the most common, needs no scanner at all.
     */
    private static boolean mayHoldSpecialFields(BtfType t) {
        return t instanceof BtfType.Struct || t instanceof BtfType.Array || t instanceof BtfType.Datasec
                || t instanceof BtfType.Ptr;
    }

    /** {@code cgroup_storage_check_btf}: struct { 64-bit int at 0; 32-bit int at 8 }, exactly two members. */
    private static boolean isCgroupStorageKey(Btf btf, BtfType.Struct s) {
        if (s.members().size() != 2) {
            return false;
        }
        return isRegularInt(btf, s.members().get(0), 0, 8) && isRegularInt(btf, s.members().get(1), 8, 4);
    }

    private static boolean isRegularInt(Btf btf, BtfType.Member m, long offset, int size) {
        if (m.isBitfield() || m.bitOffset() != offset * 8) {
            return false;
        }
        BtfType t = btf.resolve(m.type());
        return t instanceof BtfType.Int i && i.size() == size && i.bitOffset() == 0 && i.bits() == size * 8;
    }
}
