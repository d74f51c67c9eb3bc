package org.ebpfj.object.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfKind;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.elf.ElfSection;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapType;

/**
 * Reads BTF-defined maps: each VAR of the {@code .maps} DATASEC is a struct whose members encode the definition
 * ({@code __uint(name, N)} is {@code int (*name)[N]}, {@code __type(name, T)} is {@code T *name},
 * {@code __array(values, D)} is {@code D *values[]}). Follows libbpf's {@code bpf_object__init_user_btf_map} and
 * {@code parse_btf_map_def}; where libbpf stops at its first error, this records a {@link SpecProblem} with the
 * same errno and keeps reading, so every problem shows at once and the maps libbpf would accept stay checkable.
 */
final class BtfMapDefinitions {
    static final String SECTION = ".maps";

    private final ObjectContext ctx;
    private final Btf btf;

    private BtfMapDefinitions(ObjectContext ctx, Btf btf) {
        this.ctx = ctx;
        this.btf = btf;
    }

    static List<MapSpec> read(ObjectContext ctx, Btf btf, ElfSection maps) {
        return new BtfMapDefinitions(ctx, btf).readAll(maps);
    }

    private List<MapSpec> readAll(ElfSection maps) {
        Optional<BtfType> sec = btf.find(BtfKind.DATASEC, SECTION);
        if (sec.isEmpty()) {
            ctx.problem("", ProblemCodes.MAPS_DATASEC_MISSING, Errno.ENOENT,
                    "DATASEC '.maps' not found: the object has a .maps section but its BTF does not describe it",
                    SourceLocation.ofObject(ctx.file));
            return List.of();
        }
        List<MapSpec> out = new ArrayList<>();
        List<BtfType.SecInfo> vars = ((BtfType.Datasec) sec.get()).variables();
        for (int i = 0; i < vars.size(); i++) {
            readVariable(i, vars.get(i), maps).ifPresent(out::add);
        }
        return out;
    }

    private Optional<MapSpec> readVariable(int index, BtfType.SecInfo vi, ElfSection maps) {
        int var = vi.type();
        String name = btf.name(var);
        SourceLocation where = ctx.locationOf(name);
        if (name.isEmpty()) {
            corrupt("", "map #" + index + ": empty name.", SourceLocation.ofObject(ctx.file));
            return Optional.empty();
        }
        if (vi.offset() + vi.size() > maps.size()) {
            corrupt(name, "map '" + name + "' BTF data is corrupted.", where);
            return Optional.empty();
        }
        if (btf.kind(var) != BtfKind.VAR) {
            corrupt(name, "map '" + name + "': unexpected var kind " + LibbpfBtf.kindName(btf.kind(var)) + ".", where);
            return Optional.empty();
        }
        BtfType.Linkage linkage = btf.varLinkage(var);
        if (linkage != BtfType.Linkage.GLOBAL) {
            ctx.problem(name, ProblemCodes.MAP_STATIC, Errno.EOPNOTSUPP, "map '" + name
                    + "': unsupported map linkage " + linkage.name().toLowerCase(java.util.Locale.ROOT)
                    + ".", where);
        }
        int def = btf.resolveId(btf.target(var));
        if (btf.kind(def) != BtfKind.STRUCT) {
            corrupt(name, "map '" + name + "': unexpected def kind " + LibbpfBtf.kindName(btf.kind(def)) + ".", where);
            return Optional.empty();
        }
        if (btf.size(def) > vi.size()) {
            corrupt(name, "map '" + name + "': invalid def size.", where);
        }
        Definition d = new Definition();
        parse(name, name, def, false, d, where);
        return Optional.of(toSpec(name, d, where));
    }

    /** {@code __type(key, T)} or {@code __type(value, T)}: the type id, and its size as the key or value size. */
    private void typedField(Problems p, int memberType, Definition d, boolean key) {
        String what = key ? "key" : "value";
        int id = typeField(p, memberType, what);
        if (id < 0) {
            return;
        }
        long size = sizedType(p, id, what);
        if (size < 0) {
            return;
        }
        if (key) {
            setKeySize(p, d, size);
            d.keyTypeId = id;
        } else {
            setValueSize(p, d, size);
            d.valueTypeId = id;
        }
    }

    private void corrupt(String map, String message, SourceLocation where) {
        ctx.problem(map, ProblemCodes.MAP_DEFINITION_CORRUPT, Errno.EINVAL, message, where);
    }

    /** Every field, for the deferred ones a definition leaves out (one array, not a copy per map). */
    private static final MapField[] ALL_FIELDS = MapField.values();

    /** What one definition struct says; {@code parts} records which fields it names, one bit per ordinal. */
    private static final class Definition {
        int type;
        long keySize;
        long valueSize;
        long maxEntries;
        long flags;
        long numaNode;
        long mapExtra;
        long pinning;
        int keyTypeId;
        int valueTypeId;
        Definition inner;
        int parts;

        void named(MapField field) {
            parts |= 1 << field.ordinal();
        }
    }

    /** The field names libbpf knows, in the order of the {@code FIELD_*} indexes; matched as bytes. */
    private static final byte[][] FIELDS = Stream.of("type", "max_entries", "map_flags", "numa_node", "key_size",
            "key", "value_size", "value", "values", "pinning", "map_extra")
            .map(n -> n.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    private static final int FIELD_TYPE = 0;
    private static final int FIELD_MAX_ENTRIES = 1;
    private static final int FIELD_MAP_FLAGS = 2;
    private static final int FIELD_NUMA_NODE = 3;
    private static final int FIELD_KEY_SIZE = 4;
    private static final int FIELD_KEY = 5;
    private static final int FIELD_VALUE_SIZE = 6;
    private static final int FIELD_VALUE = 7;
    private static final int FIELD_VALUES = 8;
    private static final int FIELD_PINNING = 9;
    private static final int FIELD_MAP_EXTRA = 10;
    /** What {@link #intField} answers for a field that is not encoded as {@code __uint}: a problem was recorded. */
    private static final long NO_VALUE = -1;

    /**
     * Reads a definition struct member by member, straight from the BTF words: member names are compared as bytes
     * and made into Strings only for a message.
     *
     * @param reportName the map the problems belong to (the outer map for an inner definition)
     * @param defName    libbpf's name for this definition in messages ({@code outer.inner} for an inner one)
     */
    private void parse(String reportName, String defName, int struct, boolean isInner, Definition d,
                       SourceLocation where) {
        Problems p = new Problems(reportName, defName, where);
        int members = btf.memberCount(struct);
        for (int i = 0; i < members; i++) {
            int type = btf.memberType(struct, i);
            long n;
            switch (btf.memberNameIndex(struct, i, FIELDS)) {
                case FIELD_TYPE:
                    if ((n = intField(p, struct, i)) != NO_VALUE) {
                        d.type = (int) n;
                        d.named(MapField.TYPE);
                    }
                    break;
                case FIELD_MAX_ENTRIES:
                    if ((n = intField(p, struct, i)) != NO_VALUE) {
                        d.maxEntries = n;
                        d.named(MapField.MAX_ENTRIES);
                    }
                    break;
                case FIELD_MAP_FLAGS:
                    if ((n = intField(p, struct, i)) != NO_VALUE) {
                        d.flags = n;
                        d.named(MapField.MAP_FLAGS);
                    }
                    break;
                case FIELD_NUMA_NODE:
                    if ((n = intField(p, struct, i)) != NO_VALUE) {
                        d.numaNode = n;
                    }
                    break;
                case FIELD_KEY_SIZE:
                    if ((n = intField(p, struct, i)) != NO_VALUE) {
                        setKeySize(p, d, n);
                    }
                    break;
                case FIELD_KEY:
                    typedField(p, type, d, true);
                    break;
                case FIELD_VALUE_SIZE:
                    if ((n = intField(p, struct, i)) != NO_VALUE) {
                        setValueSize(p, d, n);
                    }
                    break;
                case FIELD_VALUE:
                    typedField(p, type, d, false);
                    break;
                case FIELD_VALUES:
                    parseValues(p, d, type, i == members - 1, isInner, reportName, defName, where);
                    break;
                case FIELD_PINNING:
                    if (isInner) {
                        p.add(ProblemCodes.MAP_INNER_PINNED, Errno.EINVAL, "inner def can't be pinned.");
                        break;
                    }
                    if ((n = intField(p, struct, i)) != NO_VALUE) {
                        if (n != 0 && n != 1) {
                            p.add(ProblemCodes.MAP_PINNING_INVALID, Errno.EINVAL, "invalid pinning value " + n + ".");
                            break;
                        }
                        d.pinning = n;
                    }
                    break;
                case FIELD_MAP_EXTRA:
                    longField(p, struct, i).ifPresent(v -> d.mapExtra = v);
                    break;
                default:
                    p.add(ProblemCodes.MAP_UNKNOWN_FIELD, Errno.EOPNOTSUPP, "unknown field '"
                            + btf.memberName(struct, i) + "'.");
                    break;
            }
        }
        if (d.type == 0) {
            p.add(ProblemCodes.MAP_TYPE_MISSING, Errno.EINVAL, "map type isn't specified.");
        }
    }

    private void setKeySize(Problems p, Definition d, long size) {
        if (d.keySize != 0 && d.keySize != size) {
            p.add(ProblemCodes.MAP_KEY_SIZE_CONFLICT, Errno.EINVAL, "conflicting key size " + d.keySize + " != "
                    + size + ".");
            return;
        }
        d.keySize = size;
        d.named(MapField.KEY_SIZE);
    }

    private void setValueSize(Problems p, Definition d, long size) {
        if (d.valueSize != 0 && d.valueSize != size) {
            p.add(ProblemCodes.MAP_VALUE_SIZE_CONFLICT, Errno.EINVAL, "conflicting value size " + d.valueSize
                    + " != " + size + ".");
            return;
        }
        d.valueSize = size;
        d.named(MapField.VALUE_SIZE);
    }

    private void parseValues(Problems p, Definition d, int memberType, boolean last, boolean isInner, String reportName,
                             String defName, SourceLocation where) {
        boolean mapInMap = d.type == MapType.ARRAY_OF_MAPS.id() || d.type == MapType.HASH_OF_MAPS.id();
        boolean progArray = d.type == MapType.PROG_ARRAY.id();
        String desc = mapInMap ? "map-in-map inner" : "prog-array value";
        if (isInner) {
            p.add(ProblemCodes.MAP_INNER_NESTED, Errno.EOPNOTSUPP, "multi-level inner maps not supported.");
            return;
        }
        if (!last) {
            p.add(ProblemCodes.MAP_VALUES_SPEC, Errno.EINVAL, "'values' member should be last.");
            return;
        }
        if (!mapInMap && !progArray) {
            p.add(ProblemCodes.MAP_VALUES_NOT_ALLOWED, Errno.EOPNOTSUPP, "should be map-in-map or prog-array.");
            return;
        }
        if (d.valueSize != 0 && d.valueSize != 4) {
            p.add(ProblemCodes.MAP_VALUE_SIZE_CONFLICT, Errno.EINVAL, "conflicting value size " + d.valueSize
                    + " != 4.");
            return;
        }
        d.valueSize = 4;
        d.named(MapField.VALUE_SIZE);
        if (btf.kind(memberType) != BtfKind.ARRAY || btf.arrayLength(memberType) != 0) {
            p.add(ProblemCodes.MAP_VALUES_SPEC, Errno.EINVAL, desc + " spec is not a zero-sized array.");
            return;
        }
        int ptr = btf.resolveId(btf.arrayElementType(memberType));
        if (btf.kind(ptr) != BtfKind.PTR) {
            p.add(ProblemCodes.MAP_VALUES_SPEC, Errno.EINVAL, desc + " def is of unexpected kind "
                    + LibbpfBtf.kindName(btf.kind(ptr)) + ".");
            return;
        }
        int target = btf.resolveId(btf.target(ptr));
        if (progArray) {
            if (btf.kind(target) != BtfKind.FUNC_PROTO) {
                p.add(ProblemCodes.MAP_VALUES_SPEC, Errno.EINVAL, "prog-array value def is of unexpected kind "
                        + LibbpfBtf.kindName(btf.kind(target)) + ".");
            }
            return;
        }
        if (btf.kind(target) != BtfKind.STRUCT) {
            p.add(ProblemCodes.MAP_VALUES_SPEC, Errno.EINVAL, "map-in-map inner def is of unexpected kind "
                    + LibbpfBtf.kindName(btf.kind(target)) + ".");
            return;
        }
        Definition inner = new Definition();
        parse(reportName, defName + ".inner", target, true, inner, where);
        d.inner = inner;
    }

    /**
     * {@code __uint(name, N)}: a pointer (through typedefs and qualifiers) to an array of N elements; N, or
     * {@link #NO_VALUE} after recording the problem.
     */
    private long intField(Problems p, int struct, int member) {
        int t = btf.resolveId(btf.memberType(struct, member));
        if (btf.kind(t) != BtfKind.PTR) {
            p.add(ProblemCodes.MAP_FIELD_ENCODING, Errno.EINVAL, "attr '" + btf.memberName(struct, member)
                    + "': expected PTR, got " + LibbpfBtf.kindName(btf.kind(t)) + ".");
            return NO_VALUE;
        }
        int array = btf.target(t);
        if (btf.kind(array) != BtfKind.ARRAY) {
            p.add(ProblemCodes.MAP_FIELD_ENCODING, Errno.EINVAL, "attr '" + btf.memberName(struct, member)
                    + "': expected ARRAY, got " + LibbpfBtf.kindName(btf.kind(array)) + ".");
            return NO_VALUE;
        }
        return btf.arrayLength(array);
    }

    /** {@code map_extra}: an int field, or (libbpf 1.4+, {@code __ulong}) an enum with exactly one value. */
    private OptionalLong longField(Problems p, int struct, int member) {
        BtfType t = btf.resolve(btf.memberType(struct, member));
        if (t instanceof BtfType.Ptr) {
            long n = intField(p, struct, member);
            return n == NO_VALUE ? OptionalLong.empty() : OptionalLong.of(n);
        }
        String name = btf.memberName(struct, member);
        List<BtfType.EnumValue> values;
        if (t instanceof BtfType.Enum) {
            values = ((BtfType.Enum) t).values();
        } else if (t instanceof BtfType.Enum64) {
            values = ((BtfType.Enum64) t).values();
        } else {
            p.add(ProblemCodes.MAP_FIELD_ENCODING, Errno.EINVAL, "attr '" + name
                    + "': expected ENUM or ENUM64, got " + LibbpfBtf.kindName(t.kind()) + ".");
            return OptionalLong.empty();
        }
        if (values.size() != 1) {
            p.add(ProblemCodes.MAP_FIELD_ENCODING, Errno.EINVAL, "attr '" + name + "': invalid __ulong");
            return OptionalLong.empty();
        }
        long v = values.get(0).value();
        // A 32-bit enum value is stored as u32 by libbpf (e->val), whatever its signedness.
        return OptionalLong.of(t instanceof BtfType.Enum ? v & 0xffffffffL : v);
    }

    /** The size of a key or value type, as libbpf resolves it; -1 after recording a problem when it has none. */
    private long sizedType(Problems p, int id, String what) {
        long size = LibbpfBtf.resolveSize(btf, id);
        if (size < 0) {
            p.add(ProblemCodes.MAP_TYPE_UNSIZED, errno(size), "can't determine " + what + " size for type [" + id
                    + "]: " + size + ".");
            return -1;
        }
        return size;
    }

    /**
     * {@code __type(name, T)}: a pointer to T, directly (libbpf does not skip typedefs here); T's id, or -1 after
     * recording a problem.
     */
    private int typeField(Problems p, int memberType, String what) {
        if (btf.kind(memberType) != BtfKind.PTR) {
            p.add(ProblemCodes.MAP_FIELD_ENCODING, Errno.EINVAL, what + " spec is not PTR: "
                    + LibbpfBtf.kindName(btf.kind(memberType)) + ".");
            return -1;
        }
        return btf.target(memberType);
    }

    private static Errno errno(long negative) {
        return Errno.byNumber((int) -negative).orElse(Errno.EINVAL);
    }

    private MapSpec toSpec(String name, Definition d, SourceLocation where) {
        MapSpec.Builder b = MapSpec.builder(name, d.type)
                .keySize(d.keySize)
                .valueSize(d.valueSize)
                .maxEntries(d.maxEntries)
                .flags(d.flags)
                .numaNode(d.numaNode)
                .mapExtra(d.mapExtra)
                .pinning(d.pinning == 1 ? Pinning.BY_NAME : Pinning.NONE)
                .origin(MapOrigin.BTF_DEFINED)
                .location(where)
                .section(SECTION);
        if (d.keyTypeId != 0) {
            b.keyType(new TypeRef(btf, d.keyTypeId));
        }
        if (d.valueTypeId != 0) {
            b.valueType(new TypeRef(btf, d.valueTypeId));
        }
        for (MapField f : ALL_FIELDS) {
            if ((d.parts & 1 << f.ordinal()) == 0) {
                b.deferred(f);
            }
        }
        if (d.inner != null) {
            b.innerMap(toSpec(name + ".inner", d.inner, where));
        }
        return b.build();
    }

    /** Records problems for one definition, in libbpf's message style ({@code map 'NAME': ...}). */
    private final class Problems {
        private final String reportName;
        private final String defName;
        private final SourceLocation where;

        Problems(String reportName, String defName, SourceLocation where) {
            this.reportName = reportName;
            this.defName = defName;
            this.where = where;
        }

        void add(String code, Errno errno, String message) {
            ctx.problem(reportName, code, errno, "map '" + defName + "': " + message, where);
        }
    }
}
