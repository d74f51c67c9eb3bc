package org.ebpfj.object.codegen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfAppender;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.dwarf.DwarfTypes;
import org.ebpfj.object.dwarf.DwarfTypes.Kind;
import org.ebpfj.object.dwarf.DwarfTypes.Type;

/**
 * Copies DWARF types into an object's BTF, for the types BTF lacks. A named struct, union, enum, typedef or base
 * type the BTF already has (same name, kind and size) is reused, so a DWARF-only event that nests a BTF struct
 * gets the same Java record for it. Pointers become {@code void *} (the generated code holds any pointer as its
 * 64-bit address) and qualifiers are dropped (Java has no {@code const}).
 */
final class DwarfToBtf {
    private static final int DEPTH_LIMIT = 64;

    private final DwarfTypes dwarf;
    private final Btf btf;
    private final BtfAppender out;
    private final Map<Long, Integer> done = new HashMap<>();
    private int indexType = -1;

    DwarfToBtf(DwarfTypes dwarf, Btf btf, BtfAppender out) {
        this.dwarf = dwarf;
        this.btf = btf;
        this.out = out;
    }

    /** The BTF id of a DWARF type, added if BTF has no equal one; 0 (void) for what BTF cannot hold. */
    int convert(long offset) {
        return convert(offset, 0);
    }

    private int convert(long offset, int depth) {
        Integer known = done.get(offset);
        if (known != null) {
            return known;
        }
        Type t = dwarf.types().get(offset);
        if (t == null || depth > DEPTH_LIMIT) {
            return 0;
        }
        int id = switch (t.kind()) {
            case BASE -> base(t);
            case POINTER -> out.pointer(0);
            case STRUCT, UNION -> composite(t, depth);
            case ENUM -> enumeration(t);
            case ARRAY -> array(t, depth);
            case TYPEDEF -> existing(t.name(), BtfType.Typedef.class, -1)
                    .orElseGet(() -> out.typedef(t.name(), convert(t.target(), depth + 1)));
            case QUALIFIER -> convert(t.target(), depth + 1);
            case OTHER -> 0;
        };
        done.put(offset, id);
        return id;
    }

    private int base(Type t) {
        int size = (int) Math.max(0, t.byteSize());
        return existing(t.name(), t.encoding() == 4 ? BtfType.Float.class : BtfType.Int.class, size)
                .orElseGet(() -> switch (t.encoding()) {
                    case 4 -> out.floating(t.name(), size);
                    case 2 -> out.integer(t.name(), size, 4);
                    case 5 -> out.integer(t.name(), size, 1);
                    case 6 -> out.integer(t.name(), size, 1);
                    case 8 -> out.integer(t.name(), size, 0);
                    default -> out.integer(t.name(), size, 0);
                });
    }

    private int composite(Type t, int depth) {
        boolean union = t.kind() == Kind.UNION;
        Optional<Integer> same = existing(t.name(), union ? BtfType.Union.class : BtfType.Struct.class,
                t.byteSize());
        if (same.isPresent()) {
            return same.get();
        }
        boolean bitfields = t.members().stream().anyMatch(m -> m.bitSize() > 0);
        int id = out.composite(t.name(), union, Math.max(0, t.byteSize()), bitfields);
        done.put(t.offset(), id); // before the members: a member may point back at this struct
        for (DwarfTypes.Member m : t.members()) {
            if (m.bitOffset() >= 0) {
                out.member(id, m.name(), convert(m.type(), depth + 1), m.bitOffset(), m.bitSize());
            }
        }
        return id;
    }

    private int enumeration(Type t) {
        long size = t.byteSize() > 0 ? t.byteSize() : 4;
        Optional<Integer> same = existing(t.name(),
                size == 8 ? BtfType.Enum64.class : BtfType.Enum.class, size);
        if (same.isPresent()) {
            return same.get();
        }
        boolean signed = t.values().stream().anyMatch(v -> v.value() < 0);
        int id = out.enumeration(t.name(), size, signed);
        for (DwarfTypes.Enumerator v : t.values()) {
            out.enumValue(id, v.name(), v.value());
        }
        return id;
    }

    private int array(Type t, int depth) {
        int id = convert(t.target(), depth + 1);
        List<Long> dims = t.dimensions().isEmpty() ? List.of(0L) : t.dimensions();
        for (int i = dims.size() - 1; i >= 0; i--) {
            id = out.array(id, indexType(), dims.get(i));
        }
        return id;
    }

    private int indexType() {
        if (indexType < 0) {
            indexType = existing("__ARRAY_SIZE_TYPE__", BtfType.Int.class, 4)
                    .orElseGet(() -> out.integer("__ARRAY_SIZE_TYPE__", 4, 0));
        }
        return indexType;
    }

    /** A BTF type of that kind and name (and size, unless {@code size} is -1), if the object's BTF has one. */
    private Optional<Integer> existing(String name, Class<? extends BtfType> kind, long size) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        for (int id : btf.idsNamed(name)) {
            if (kind.isInstance(btf.type(id)) && (size < 0 || btf.sizeOf(id).orElse(-1) == size)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
