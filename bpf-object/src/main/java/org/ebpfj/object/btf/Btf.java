package org.ebpfj.object.btf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.ebpfj.object.btf.BtfType.Composite;
import org.ebpfj.object.btf.BtfType.Member;
import org.ebpfj.object.btf.BtfType.Modifier;

/**
 * Parsed BTF: an immutable list of types indexed by id, with sizes and alignments computed once.
 * Created by {@link BtfReader}; every id reachable from a type is known to be valid, and every chain of
 * modifiers is known to end, so the queries here never fail on a parsed instance.
 */
public final class Btf {
    /** BPF and x86_64 pointers are 8 bytes. */
    public static final int POINTER_SIZE = 8;
    /** The most alignment a scalar gets: 16 for {@code __int128} and {@code long double}. */
    private static final int MAX_SCALAR_ALIGN = 16;

    private final List<BtfType> types;
    private final long[] sizes;
    /** Alignments computed so far, 0 = not yet. Filled lazily; racing threads compute the same values. */
    private final int[] alignments;
    private volatile Map<String, List<Integer>> byName;

    Btf(List<BtfType> types, long[] sizes) {
        this.types = Collections.unmodifiableList(types);
        this.sizes = sizes;
        this.alignments = new int[types.size()];
    }

    /** Number of type ids, including void (id 0). */
    public int typeCount() {
        return types.size();
    }

    /** All types, index = id; element 0 is {@link BtfType.Void}. */
    public List<BtfType> types() {
        return types;
    }

    public boolean hasType(long id) {
        return id >= 0 && id < types.size();
    }

    /** The type with this id; ids come from this Btf, so an unknown id is a programming error. */
    public BtfType type(int id) {
        if (!hasType(id)) {
            throw new IllegalArgumentException("no BTF type #" + id + " (have " + types.size() + ")");
        }
        return types.get(id);
    }

    /** Ids of all types with this name (any kind). */
    public List<Integer> idsNamed(String name) {
        Map<String, List<Integer>> index = byName;
        if (index == null) {
            index = new HashMap<>();
            for (BtfType t : types) {
                if (!t.name().isEmpty() && t.id() != 0) {
                    index.computeIfAbsent(t.name(), k -> new ArrayList<>(1)).add(t.id());
                }
            }
            byName = index;
        }
        return index.getOrDefault(name, List.of());
    }

    /** The first type of this kind and name. */
    public Optional<BtfType> find(BtfKind kind, String name) {
        for (int id : idsNamed(name)) {
            if (types.get(id).kind() == kind) {
                return Optional.of(types.get(id));
            }
        }
        return Optional.empty();
    }

    /** Skips typedef, const, volatile, restrict and type tags. */
    public int resolveId(int id) {
        int cur = id;
        while (types.get(cur) instanceof Modifier) {
            cur = ((Modifier) types.get(cur)).type();
        }
        return cur;
    }

    public BtfType resolve(int id) {
        return types.get(resolveId(id));
    }

    /** Byte size, or empty for void, functions, forward declarations and tags. */
    public OptionalLong sizeOf(int id) {
        long s = sizes[id];
        return s < 0 ? OptionalLong.empty() : OptionalLong.of(s);
    }

    /**
     * Alignment in bytes, as the compiler lays the type out; 1 for packed structs. Integers and floats align to
     * their size ({@code __int128} to 16, as GCC on x86_64 and clang for BPF both do; libbpf's
     * {@code btf__align_of} says 8); a struct aligns to its most aligned member.
     */
    public int alignOf(int id) {
        int rid = resolveId(id);
        int known = alignments[rid];
        if (known == 0) {
            known = computeAlign(types.get(rid));
            alignments[rid] = known;
        }
        return known;
    }

    private int computeAlign(BtfType t) {
        if (t instanceof BtfType.Int || t instanceof BtfType.Enum || t instanceof BtfType.Enum64
                || t instanceof BtfType.Float) {
            return Integer.highestOneBit((int) Math.max(1, Math.min(MAX_SCALAR_ALIGN, sizes[t.id()])));
        }
        if (t instanceof BtfType.Ptr) {
            return POINTER_SIZE;
        }
        if (t instanceof BtfType.Array) {
            return alignOf(((BtfType.Array) t).elementType());
        }
        if (t instanceof Composite) {
            return isPacked((Composite) t) ? 1 : naturalAlign((Composite) t);
        }
        return 1;
    }

    /**
     * Whether a struct or union is laid out as if {@code __attribute__((packed))}: a member sits off its
     * alignment, or the size is not a multiple of the most aligned member.
     */
    public boolean isPacked(Composite c) {
        for (Member m : c.members()) {
            if (!m.isBitfield() && m.bitOffset() % (8L * alignOf(m.type())) != 0) {
                return true;
            }
        }
        return c.size() % naturalAlign(c) != 0;
    }

    /** The alignment the members ask for, ignoring whether the layout honours it. */
    private int naturalAlign(Composite c) {
        int max = 1;
        for (Member m : c.members()) {
            max = Math.max(max, alignOf(m.type()));
        }
        return max;
    }

    /** A C-like name for messages: {@code struct event}, {@code __u32}, {@code char[16]}, {@code int *}. */
    public String describe(int id) {
        return describe(id, 0);
    }

    private String describe(int id, int depth) {
        if (depth > 16) {
            return "...";
        }
        BtfType t = types.get(id);
        String n = t.name();
        switch (t.kind()) {
            case VOID:
                return "void";
            case STRUCT:
                return n.isEmpty() ? "struct {...}" : "struct " + n;
            case UNION:
                return n.isEmpty() ? "union {...}" : "union " + n;
            case ENUM:
            case ENUM64:
                return n.isEmpty() ? "enum {...}" : "enum " + n;
            case FWD:
                return (((BtfType.Fwd) t).union() ? "union " : "struct ") + n;
            case PTR:
                return describe(((BtfType.Ptr) t).type(), depth + 1) + " *";
            case ARRAY: {
                BtfType.Array a = (BtfType.Array) t;
                return describe(a.elementType(), depth + 1) + "[" + a.elements() + "]";
            }
            case CONST:
                return "const " + describe(((Modifier) t).type(), depth + 1);
            case VOLATILE:
                return "volatile " + describe(((Modifier) t).type(), depth + 1);
            case RESTRICT:
                return describe(((Modifier) t).type(), depth + 1) + " restrict";
            case TYPE_TAG:
                return describe(((Modifier) t).type(), depth + 1);
            case FUNC_PROTO:
                return "function";
            default:
                return n.isEmpty() ? t.kind().name().toLowerCase(java.util.Locale.ROOT) : n;
        }
    }
}
