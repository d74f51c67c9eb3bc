package org.ebpfj.object.btf;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.ebpfj.object.btf.BtfType.Composite;
import org.ebpfj.object.btf.BtfType.Member;
import org.ebpfj.object.btf.BtfType.Modifier;
import org.ebpfj.object.bytes.StringTable;

/**
 * Parsed BTF: types indexed by id, with sizes computed once. Created by {@link BtfReader}, which checks the whole
 * blob first (every id reachable from a type is valid, every chain of modifiers ends, every name is readable), so
 * the queries here never fail on a parsed instance. A type, and its names, are decoded the first time they are asked
 * for: reading an object's maps touches a few dozen of its types, a kernel's BTF has a hundred thousand.
 */
public final class Btf {
    /** BPF and x86_64 pointers are 8 bytes. */
    public static final int POINTER_SIZE = 8;
    /** The most alignment a scalar gets: 16 for {@code __int128} and {@code long double}. */
    private static final int MAX_SCALAR_ALIGN = 16;
    /** Above this many types a name index pays for itself; below, a name lookup scans the raw names. */
    private static final int INDEX_THRESHOLD = 4096;

    private final BtfWords words;
    private final BtfDecoder decoder;
    private final StringTable strings;
    private final long[] sizes;
    /** Types decoded so far, null = not yet. Racing threads decode equal values; records publish safely. */
    private final BtfType[] decoded;
    /**
     * Alignments computed so far, 0 = not yet; made on the first query (reading an object's maps asks none).
     * Filled lazily; racing threads compute the same values.
     */
    private int[] alignments;
    private final List<BtfType> types;
    private volatile Map<String, List<Integer>> byName;

    Btf(BtfWords words, StringTable strings, long[] sizes) {
        this.words = words;
        this.strings = strings;
        this.decoder = new BtfDecoder(words, strings);
        this.sizes = sizes;
        this.decoded = new BtfType[words.count];
        this.types = new AbstractList<>() {
            @Override
            public BtfType get(int id) {
                return type(id);
            }

            @Override
            public int size() {
                return words.count;
            }
        };
    }

    /** Number of type ids, including void (id 0). */
    public int typeCount() {
        return words.count;
    }

    /** All types, index = id; element 0 is {@link BtfType.Void}. Each is decoded when first read. */
    public List<BtfType> types() {
        return types;
    }

    public boolean hasType(long id) {
        return id >= 0 && id < words.count;
    }

    /** The type with this id; ids come from this Btf, so an unknown id is a programming error. */
    public BtfType type(int id) {
        if (!hasType(id)) {
            throw new IllegalArgumentException("no BTF type #" + id + " (have " + words.count + ")");
        }
        BtfType t = decoded[id];
        if (t == null) {
            t = decoder.decode(id);
            decoded[id] = t;
        }
        return t;
    }

    /** The kind of type {@code id}, without decoding it. */
    public BtfKind kind(int id) {
        return id == 0 ? BtfKind.VOID : words.kind(id);
    }

    /** The name of type {@code id} ("" when anonymous), without decoding the rest of it. */
    public String name(int id) {
        return id == 0 ? "void" : decoded[id] != null ? decoded[id].name() : decoder.name(words.nameOffset(id));
    }

    /**
     * The type a pointer, typedef, qualifier, type tag, VAR, FUNC or decl tag refers to (its {@code type} word), read
     * without decoding the type; for other kinds the word is a size, so callers check {@link #kind} first.
     */
    public int target(int id) {
        return BtfWords.ref((int) words.sizeOrType(id));
    }

    /** An array's element type, without decoding it. */
    public int arrayElementType(int id) {
        return BtfWords.ref(words.words[words.data(id)]);
    }

    /** An array's number of elements (unsigned), without decoding it. */
    public long arrayLength(int id) {
        return words.words[words.data(id) + 2] & 0xffffffffL;
    }

    /** How many members a struct or union has (its vlen), without decoding it. */
    public int memberCount(int id) {
        return id == 0 ? 0 : words.vlen(id);
    }

    /** The type of member {@code i} of a struct or union, without decoding the struct. */
    public int memberType(int id, int i) {
        return BtfWords.ref(words.words[words.data(id) + 3 * i + 1]);
    }

    /** The name of member {@code i} of a struct or union ("" when anonymous). */
    public String memberName(int id, int i) {
        return decoder.name(words.words[words.data(id) + 3 * i]);
    }

    /**
     * Which of {@code names} (UTF-8, none empty) member {@code i}'s name is, compared as bytes: the index, or -1. Lets a reader
     * that knows what names to expect match members without making a String of each.
     */
    public int memberNameIndex(int id, int i, byte[][] names) {
        return strings.indexAt(words.words[words.data(id) + 3 * i] & 0xffffffffL, names);
    }

    /** A VAR's linkage, without decoding it. */
    public BtfType.Linkage varLinkage(int id) {
        return BtfType.Linkage.values()[words.words[words.data(id)]];
    }

    /** Byte size, or -1 for void, functions, forward declarations and tags ({@link #sizeOf} without the box). */
    public long size(int id) {
        return sizes[id];
    }

    /** Ids of all types with this name (any kind). */
    public List<Integer> idsNamed(String name) {
        if (name.isEmpty()) {
            return List.of();
        }
        if (words.count <= INDEX_THRESHOLD) {
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            List<Integer> ids = new ArrayList<>(1);
            for (int id = 1; id < words.count; id++) {
                if (strings.equalsAt(words.nameOffset(id) & 0xffffffffL, utf8)) {
                    ids.add(id);
                }
            }
            return ids;
        }
        Map<String, List<Integer>> index = byName;
        if (index == null) {
            index = new HashMap<>();
            for (int id = 1; id < words.count; id++) {
                String n = name(id);
                if (!n.isEmpty()) {
                    index.computeIfAbsent(n, k -> new ArrayList<>(1)).add(id);
                }
            }
            byName = index;
        }
        return index.getOrDefault(name, List.of());
    }

    /** The first type of this kind and name. */
    public Optional<BtfType> find(BtfKind kind, String name) {
        if (words.count <= INDEX_THRESHOLD && !name.isEmpty()) {
            // The kind is one byte per type: testing it first leaves few names to compare.
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            for (int id = 1; id < words.count; id++) {
                if (words.kinds[id] == kind.code() && strings.equalsAt(words.nameOffset(id) & 0xffffffffL, utf8)) {
                    return Optional.of(type(id));
                }
            }
            return Optional.empty();
        }
        for (int id : idsNamed(name)) {
            if (kind(id) == kind) {
                return Optional.of(type(id));
            }
        }
        return Optional.empty();
    }

    /** Skips typedef, const, volatile, restrict and type tags. */
    public int resolveId(int id) {
        int cur = id;
        while (cur != 0 && words.isModifier(cur)) {
            cur = (int) words.sizeOrType(cur);
        }
        return cur;
    }

    public BtfType resolve(int id) {
        return type(resolveId(id));
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
        int[] known = alignments;
        if (known == null) {
            known = new int[words.count];
            alignments = known;
        }
        if (known[rid] == 0) {
            known[rid] = computeAlign(type(rid));
        }
        return known[rid];
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
        BtfType t = type(id);
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
