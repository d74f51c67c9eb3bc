package org.ebpfj.object.spec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfKind;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.btf.BtfType.Member;
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
        BtfType var = btf.type(vi.type());
        String name = var.name();
        SourceLocation where = ctx.locationOf(name);
        if (name.isEmpty()) {
            corrupt("", "map #" + index + ": empty name.", SourceLocation.ofObject(ctx.file));
            return Optional.empty();
        }
        if (vi.offset() + vi.size() > maps.size()) {
            corrupt(name, "map '" + name + "' BTF data is corrupted.", where);
            return Optional.empty();
        }
        if (!(var instanceof BtfType.Var)) {
            corrupt(name, "map '" + name + "': unexpected var kind " + LibbpfBtf.kindName(var) + ".", where);
            return Optional.empty();
        }
        BtfType.Var v = (BtfType.Var) var;
        if (v.linkage() != BtfType.Linkage.GLOBAL) {
            ctx.problem(name, ProblemCodes.MAP_STATIC, Errno.EOPNOTSUPP, "map '" + name
                    + "': unsupported map linkage " + v.linkage().name().toLowerCase(java.util.Locale.ROOT)
                    + ".", where);
        }
        BtfType def = btf.resolve(v.type());
        if (!(def instanceof BtfType.Struct)) {
            corrupt(name, "map '" + name + "': unexpected def kind " + LibbpfBtf.kindName(def) + ".", where);
            return Optional.empty();
        }
        BtfType.Struct struct = (BtfType.Struct) def;
        if (struct.size() > vi.size()) {
            corrupt(name, "map '" + name + "': invalid def size.", where);
        }
        Definition d = new Definition();
        parse(name, name, struct, false, d, where);
        return Optional.of(toSpec(name, d, where));
    }

    /** {@code __type(key, T)} or {@code __type(value, T)}: the type id, and its size as the key or value size. */
    private void typedField(Problems p, Member m, Definition d, boolean key) {
        String what = key ? "key" : "value";
        typeField(p, m, what).ifPresent(id -> sizedType(p, id, what).ifPresent(size -> {
            if (key) {
                setKeySize(p, d, size);
                d.keyTypeId = id;
            } else {
                setValueSize(p, d, size);
                d.valueTypeId = id;
            }
        }));
    }

    private void corrupt(String map, String message, SourceLocation where) {
        ctx.problem(map, ProblemCodes.MAP_DEFINITION_CORRUPT, Errno.EINVAL, message, where);
    }

    /** What one definition struct says; {@code parts} records which fields it names. */
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
        final EnumSet<MapField> parts = EnumSet.noneOf(MapField.class);
    }

    /**
     * @param reportName the map the problems belong to (the outer map for an inner definition)
     * @param defName    libbpf's name for this definition in messages ({@code outer.inner} for an inner one)
     */
    private void parse(String reportName, String defName, BtfType.Struct struct, boolean isInner, Definition d,
                       SourceLocation where) {
        Problems p = new Problems(reportName, defName, where);
        List<Member> members = struct.members();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String field = m.name();
            switch (field) {
                case "type":
                    intField(p, m).ifPresent(n -> {
                        d.type = (int) n;
                        d.parts.add(MapField.TYPE);
                    });
                    break;
                case "max_entries":
                    intField(p, m).ifPresent(n -> {
                        d.maxEntries = n;
                        d.parts.add(MapField.MAX_ENTRIES);
                    });
                    break;
                case "map_flags":
                    intField(p, m).ifPresent(n -> {
                        d.flags = n;
                        d.parts.add(MapField.MAP_FLAGS);
                    });
                    break;
                case "numa_node":
                    intField(p, m).ifPresent(n -> d.numaNode = n);
                    break;
                case "key_size":
                    intField(p, m).ifPresent(n -> setKeySize(p, d, n));
                    break;
                case "key":
                    typedField(p, m, d, true);
                    break;
                case "value_size":
                    intField(p, m).ifPresent(n -> setValueSize(p, d, n));
                    break;
                case "value":
                    typedField(p, m, d, false);
                    break;
                case "values":
                    parseValues(p, d, m, i == members.size() - 1, isInner, reportName, defName, where);
                    break;
                case "pinning":
                    if (isInner) {
                        p.add(ProblemCodes.MAP_INNER_PINNED, Errno.EINVAL, "inner def can't be pinned.");
                        break;
                    }
                    intField(p, m).ifPresent(n -> {
                        if (n != 0 && n != 1) {
                            p.add(ProblemCodes.MAP_PINNING_INVALID, Errno.EINVAL, "invalid pinning value " + n + ".");
                            return;
                        }
                        d.pinning = n;
                    });
                    break;
                case "map_extra":
                    longField(p, m).ifPresent(n -> d.mapExtra = n);
                    break;
                default:
                    p.add(ProblemCodes.MAP_UNKNOWN_FIELD, Errno.EOPNOTSUPP, "unknown field '" + field + "'.");
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
        d.parts.add(MapField.KEY_SIZE);
    }

    private void setValueSize(Problems p, Definition d, long size) {
        if (d.valueSize != 0 && d.valueSize != size) {
            p.add(ProblemCodes.MAP_VALUE_SIZE_CONFLICT, Errno.EINVAL, "conflicting value size " + d.valueSize
                    + " != " + size + ".");
            return;
        }
        d.valueSize = size;
        d.parts.add(MapField.VALUE_SIZE);
    }

    private void parseValues(Problems p, Definition d, Member m, boolean last, boolean isInner, String reportName,
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
        d.parts.add(MapField.VALUE_SIZE);
        BtfType t = btf.type(m.type());
        if (!(t instanceof BtfType.Array) || ((BtfType.Array) t).elements() != 0) {
            p.add(ProblemCodes.MAP_VALUES_SPEC, Errno.EINVAL, desc + " spec is not a zero-sized array.");
            return;
        }
        BtfType ptr = btf.resolve(((BtfType.Array) t).elementType());
        if (!(ptr instanceof BtfType.Ptr)) {
            p.add(ProblemCodes.MAP_VALUES_SPEC, Errno.EINVAL, desc + " def is of unexpected kind "
                    + LibbpfBtf.kindName(ptr) + ".");
            return;
        }
        BtfType target = btf.resolve(((BtfType.Ptr) ptr).type());
        if (progArray) {
            if (!(target instanceof BtfType.FuncProto)) {
                p.add(ProblemCodes.MAP_VALUES_SPEC, Errno.EINVAL, "prog-array value def is of unexpected kind "
                        + LibbpfBtf.kindName(target) + ".");
            }
            return;
        }
        if (!(target instanceof BtfType.Struct)) {
            p.add(ProblemCodes.MAP_VALUES_SPEC, Errno.EINVAL, "map-in-map inner def is of unexpected kind "
                    + LibbpfBtf.kindName(target) + ".");
            return;
        }
        Definition inner = new Definition();
        parse(reportName, defName + ".inner", (BtfType.Struct) target, true, inner, where);
        d.inner = inner;
    }

    /** {@code __uint(name, N)}: a pointer (through typedefs and qualifiers) to an array of N elements. */
    private OptionalLong intField(Problems p, Member m) {
        BtfType t = btf.resolve(m.type());
        if (!(t instanceof BtfType.Ptr)) {
            p.add(ProblemCodes.MAP_FIELD_ENCODING, Errno.EINVAL, "attr '" + m.name() + "': expected PTR, got "
                    + LibbpfBtf.kindName(t) + ".");
            return OptionalLong.empty();
        }
        BtfType array = btf.type(((BtfType.Ptr) t).type());
        if (!(array instanceof BtfType.Array)) {
            p.add(ProblemCodes.MAP_FIELD_ENCODING, Errno.EINVAL, "attr '" + m.name() + "': expected ARRAY, got "
                    + LibbpfBtf.kindName(array) + ".");
            return OptionalLong.empty();
        }
        return OptionalLong.of(((BtfType.Array) array).elements());
    }

    /** {@code map_extra}: an int field, or (libbpf 1.4+, {@code __ulong}) an enum with exactly one value. */
    private OptionalLong longField(Problems p, Member m) {
        BtfType t = btf.resolve(m.type());
        if (t instanceof BtfType.Ptr) {
            return intField(p, m);
        }
        List<BtfType.EnumValue> values;
        if (t instanceof BtfType.Enum) {
            values = ((BtfType.Enum) t).values();
        } else if (t instanceof BtfType.Enum64) {
            values = ((BtfType.Enum64) t).values();
        } else {
            p.add(ProblemCodes.MAP_FIELD_ENCODING, Errno.EINVAL, "attr '" + m.name()
                    + "': expected ENUM or ENUM64, got " + LibbpfBtf.kindName(t) + ".");
            return OptionalLong.empty();
        }
        if (values.size() != 1) {
            p.add(ProblemCodes.MAP_FIELD_ENCODING, Errno.EINVAL, "attr '" + m.name() + "': invalid __ulong");
            return OptionalLong.empty();
        }
        long v = values.get(0).value();
        // A 32-bit enum value is stored as u32 by libbpf (e->val), whatever its signedness.
        return OptionalLong.of(t instanceof BtfType.Enum ? v & 0xffffffffL : v);
    }

    /** {@code __type(name, T)}: a pointer to T, directly (libbpf does not skip typedefs here). */
    /** The size of a key or value type, as libbpf resolves it; a problem when it has none. */
    private OptionalLong sizedType(Problems p, int id, String what) {
        long size = LibbpfBtf.resolveSize(btf, id);
        if (size < 0) {
            p.add(ProblemCodes.MAP_TYPE_UNSIZED, errno(size), "can't determine " + what + " size for type [" + id
                    + "]: " + size + ".");
            return OptionalLong.empty();
        }
        return OptionalLong.of(size);
    }

    private Optional<Integer> typeField(Problems p, Member m, String what) {
        BtfType t = btf.type(m.type());
        if (!(t instanceof BtfType.Ptr)) {
            p.add(ProblemCodes.MAP_FIELD_ENCODING, Errno.EINVAL, what + " spec is not PTR: "
                    + LibbpfBtf.kindName(t) + ".");
            return Optional.empty();
        }
        return Optional.of(((BtfType.Ptr) t).type());
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
        for (MapField f : MapField.values()) {
            if (!d.parts.contains(f)) {
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
