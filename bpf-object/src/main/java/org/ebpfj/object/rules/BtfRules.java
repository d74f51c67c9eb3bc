package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.ebpfj.object.spec.BtfFacts;
import org.ebpfj.object.spec.SpecialField;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * {@code map_check_btf()} in kernel/bpf/syscall.c and the types' {@code map_check_btf} ops. They run after the map
 * is allocated and only when {@code btf_value_type_id} is set. Without {@link BtfFacts} the ids are taken as
 * consistent and only the id-based rules apply.
 */
final class BtfRules {
    private static final String CHECK = "map_check_btf";

    /** Types whose ops reject all BTF ({@code map_check_no_btf}). */
    static final Set<MapType> NO_BTF = EnumSet.of(MapType.PERF_EVENT_ARRAY, MapType.CGROUP_ARRAY,
            MapType.ARRAY_OF_MAPS, MapType.HASH_OF_MAPS, MapType.STACK_TRACE, MapType.DEVMAP, MapType.DEVMAP_HASH,
            MapType.CPUMAP, MapType.XSKMAP, MapType.SOCKMAP, MapType.SOCKHASH);

    /** Types with a {@code map_check_btf} op (which may accept a missing key type). */
    static final Set<MapType> OWN_CHECK;

    static {
        EnumSet<MapType> own = EnumSet.of(MapType.ARRAY, MapType.PERCPU_ARRAY, MapType.LPM_TRIE,
                MapType.BLOOM_FILTER, MapType.CGROUP_STORAGE, MapType.PERCPU_CGROUP_STORAGE, MapType.SK_STORAGE,
                MapType.INODE_STORAGE, MapType.TASK_STORAGE, MapType.CGRP_STORAGE, MapType.ARENA);
        own.addAll(NO_BTF);
        OWN_CHECK = own;
    }

    private BtfRules() {
    }

    static List<KernelRule> all() {
        return List.of(
                sizeRule("key", AttrField.KEY_SIZE, (c, f) -> c.attr().btfKeyTypeId() != 0, BtfFacts::keySize,
                        CreateContext::k),
                rule("btf.keyless", Stage.BTF, Errno.EINVAL, CHECK, Set.of())
                        .summary("a BTF value type without a key type is accepted only by types with their own BTF "
                                + "check (arrays, bloom filter, storages, arena, ...)")
                        .passesWhenZero(ZeroGuard.BTF_VALUE)
                        .check(c -> fire(checksBtf(c) && c.attr().btfKeyTypeId() == 0 && !ownCheck(c), () ->
                                "BTF gives a value type but no key type; " + c.typeName()
                                        + " maps need both (declare the key with __type(key, ...))")),
                sizeRule("value", AttrField.VALUE_SIZE, (c, f) -> !f.valueIsDatasec(), BtfFacts::valueSize,
                        CreateContext::v),
                rule("btf.special-field-duplicate", Stage.BTF, Errno.E2BIG, "btf_parse_fields", Set.of())
                        .summary("a value holds at most one of each unique field: bpf_spin_lock, bpf_timer, bpf_wq, bpf_refcount and the like")
                        .passesWhenZero(ZeroGuard.BTF_VALUE)
                        .check(c -> {
                            BtfFacts f = facts(c);
                            return fire(f != null && f.duplicated().isPresent(), () -> "the value holds more than "
                                    + "one " + f.duplicated().get().description() + "; a map value may hold only one");
                        }),
                rule("btf.special-field-access", Stage.BTF, Errno.EACCES, CHECK, Set.of())
                        .summary("values with special fields (locks, timers, kptrs, ...) cannot be RDONLY_PROG or "
                                + "WRONLY_PROG")
                        .reads(AttrField.MAP_FLAGS)
                        .passesWhenZero(ZeroGuard.BTF_VALUE)
                        .check(c -> {
                            BtfFacts f = facts(c);
                            return fire(f != null && !f.specialFields().isEmpty()
                                    && (c.has(MapFlag.RDONLY_PROG) || c.has(MapFlag.WRONLY_PROG)), () ->
                                    "the value holds " + describe(f.specialFields()) + ", which programs must be able "
                                            + "to read and write: drop RDONLY_PROG/WRONLY_PROG");
                        }),
                rule("btf.special-field-type", Stage.BTF, Errno.EOPNOTSUPP, CHECK, Set.of())
                        .summary("each special field is allowed only in some map types (e.g. bpf_spin_lock in HASH, "
                                + "ARRAY and the storages, bpf_timer in HASH, LRU_HASH and ARRAY)")
                        .passesWhenZero(ZeroGuard.BTF_VALUE)
                        .check(c -> notAllowed(facts(c), c)
                                .map(sf -> "the value holds " + sf.description() + ", which " + c.typeName()
                                        + " maps cannot hold; it is allowed in " + sf.allowedIn().stream()
                                        .map(Enum::name).sorted().collect(Collectors.joining(", ")))),
                rule("array.btf-key", Stage.BTF, Errno.EINVAL, "array_map_check_btf",
                        EnumSet.of(MapType.ARRAY, MapType.PERCPU_ARRAY))
                        .summary("the BTF key must be a 32-bit int; keyless BTF only for a one-entry ARRAY whose value "
                                + "is a data section")
                        .reads(AttrField.MAX_ENTRIES)
                        .passesWhenZero(ZeroGuard.BTF_VALUE)
                        .check(c -> {
                            BtfFacts f = facts(c);
                            if (f == null) {
                                return Optional.empty();
                            }
                            if (f.keyShape() == BtfFacts.KeyShape.VOID) {
                                boolean globalData = c.is(MapType.ARRAY) && c.m() == 1 && f.valueIsDatasec();
                                return fire(!globalData, () -> "BTF gives no key type: only a one-entry ARRAY holding a "
                                        + "data section (.data/.bss/.rodata) may omit it; declare __type(key, __u32)");
                            }
                            return fire(isNotIntKey(f, 32), () ->
                                    "the BTF key type of " + c.typeName() + " must be a 32-bit integer (e.g. __u32), "
                                            + "the array index");
                        }),
                rule("lpm-trie.btf-key", Stage.BTF, Errno.EINVAL, "trie_check_btf", EnumSet.of(MapType.LPM_TRIE))
                        .summary("the BTF key must be a struct (prefix length + data)")
                        .passesWhenZero(ZeroGuard.BTF_VALUE)
                        .check(c -> fire(keyShapeIsNot(facts(c), BtfFacts.KeyShape.STRUCT), () ->
                                "the BTF key type of an LPM_TRIE must be a struct: { __u32 prefixlen; data }")),
                rule("bloom.btf-key", Stage.BTF, Errno.EINVAL, "bloom_map_check_btf", EnumSet.of(MapType.BLOOM_FILTER))
                        .summary("a bloom filter's BTF has no key type")
                        .passesWhenZero(ZeroGuard.BTF_VALUE)
                        .check(c -> fire(checksBtf(c) && c.attr().btfKeyTypeId() != 0, () ->
                                "BTF gives a key type, but a BLOOM_FILTER has no key: declare only the value")),
                rule("cgroup-storage.btf-key", Stage.BTF, Errno.EINVAL, "cgroup_storage_check_btf",
                        TypeTables.CGROUP_STORAGE)
                        .summary("the BTF key is struct bpf_cgroup_storage_key (16 bytes) or a 64-bit int (8 bytes)")
                        .reads(AttrField.KEY_SIZE)
                        .passesWhenZero(ZeroGuard.BTF_VALUE)
                        .check(c -> {
                            BtfFacts f = facts(c);
                            if (f == null) {
                                return Optional.empty();
                            }
                            if (c.k() == 16) {
                                return fire(!f.keyIsCgroupStorageKey(), () -> "the BTF key type must be struct "
                                        + "bpf_cgroup_storage_key { __u64 cgroup_inode_id; __u32 attach_type; }");
                            }
                            return fire(isNotIntKey(f, 64), () ->
                                    "the BTF key type must be a 64-bit integer (the cgroup id)");
                        }),
                rule("local-storage.btf-key", Stage.BTF, Errno.EINVAL, "bpf_local_storage_map_check_btf",
                        LocalStorageRules.TYPES)
                        .summary("the BTF key must be a 32-bit int (the owner's fd)")
                        .passesWhenZero(ZeroGuard.BTF_VALUE)
                        .check(c -> fire(isNotIntKey(facts(c), 32), () ->
                                "the BTF key type of " + c.typeName() + " must be int (the owner's fd)")),
                rule("btf.unsupported", Stage.BTF, Errno.ENOTSUPP, "map_check_no_btf", NO_BTF)
                        .summary("these types take no BTF at all (libbpf strips it for them)")
                        .passesWhenZero(ZeroGuard.BTF_VALUE)
                        .check(c -> fire(checksBtf(c), () -> c.typeName() + " maps take no BTF key/value types")));
    }

    /**
     * {@code btf.key-type} and {@code btf.value-type}: where {@code applies}, the BTF type's size must equal the
     * attribute's {@code key_size} or {@code value_size} ({@code side}).
     */
    private static KernelRule sizeRule(String side, AttrField field, BiPredicate<CreateContext, BtfFacts> applies,
                                       Function<BtfFacts, OptionalLong> btfSize, ToLongFunction<CreateContext> size) {
        return rule("btf." + side + "-type", Stage.BTF, Errno.EINVAL, CHECK, Set.of())
                .summary("the BTF " + side + " type's size must equal " + side + "_size")
                .reads(field)
                .passesWhenZero(ZeroGuard.BTF_VALUE)
                .check(c -> {
                    BtfFacts f = facts(c);
                    return fire(f != null && applies.test(c, f) && differs(btfSize.apply(f), size.applyAsLong(c)),
                            () -> "the BTF " + side + " type is " + sized(btfSize.apply(f)) + ", but " + side
                                    + "_size is " + size.applyAsLong(c));
                });
    }

    /** {@code map_check_btf} runs only when a value type id is given. */
    static boolean checksBtf(CreateContext c) {
        return c.attr().btfValueTypeId() != 0;
    }

    /**
     * The facts the BTF checks read, or null when they do not run (no value type id, or no facts): null rather than
     * an Optional chain, because every map with BTF asks each of these rules and almost none fires.
     */
    private static BtfFacts facts(CreateContext c) {
        if (!checksBtf(c)) {
            return null;
        }
        Optional<BtfFacts> facts = c.attr().btf();
        return facts.isPresent() ? facts.get() : null;
    }

    /** The type has its own {@code map_check_btf} op. */
    private static boolean ownCheck(CreateContext c) {
        Optional<MapType> type = c.type();
        return type.isPresent() && OWN_CHECK.contains(type.get());
    }

    private static boolean keyShapeIsNot(BtfFacts f, BtfFacts.KeyShape shape) {
        return f != null && f.keyShape() != shape;
    }

    private static boolean isNotIntKey(BtfFacts f, int bits) {
        return f != null && (f.keyShape() != BtfFacts.KeyShape.INT || f.keyIntBits() != bits);
    }

    private static boolean differs(OptionalLong btfSize, long attrSize) {
        return btfSize.isEmpty() || btfSize.getAsLong() != attrSize;
    }

    private static String sized(OptionalLong btfSize) {
        return btfSize.isPresent() ? btfSize.getAsLong() + " bytes" : "unsized";
    }

    /** The first special field (in the set's order) this map type cannot hold. */
    private static Optional<SpecialField> notAllowed(BtfFacts facts, CreateContext c) {
        if (facts == null || facts.specialFields().isEmpty()) {
            return Optional.empty();
        }
        Optional<MapType> type = c.type();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        for (SpecialField sf : facts.specialFields()) {
            if (!sf.allowedIn(type.get())) {
                return Optional.of(sf);
            }
        }
        return Optional.empty();
    }

    private static String describe(Set<SpecialField> fields) {
        return fields.stream().map(SpecialField::description).collect(Collectors.joining(", "));
    }
}
