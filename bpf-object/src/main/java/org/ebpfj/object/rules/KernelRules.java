package org.ebpfj.object.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.uapi.MapType;

/**
 * Every BPF_MAP_CREATE check, in the order the kernel applies them (kernel/bpf/syscall.c {@code map_create}):
 * generic checks, the type's {@code map_alloc_check}, token and capabilities, the type's {@code map_alloc}
 * (inner map first for maps of maps), the allocations, the map name, then BTF. Rules of different types never
 * interleave, so one list gives each type its own kernel order.
 */
public final class KernelRules {
    private static final List<KernelRule> ORDERED = build();
    /** The rules of every type: all a map of a type id unknown to this UAPI meets. */
    private static final List<KernelRule> TYPELESS = ORDERED.stream().filter(r -> r.types().isEmpty()).toList();
    /** Each type's rules, in kernel order, chosen once: checking a map walks only its own (a hot path of a build). */
    private static final List<KernelRule>[] BY_TYPE_ID = byType();
    private static final Walk TYPELESS_WALK = Walk.of(TYPELESS);
    /** The same lists as arrays, with each rule's inputs as bits: what one evaluation walks. */
    private static final Walk[] WALKS = walks();

    private KernelRules() {
    }

    public static List<KernelRule> ordered() {
        return ORDERED;
    }

    /** The rules that apply to a map of this type id, in kernel order. */
    public static List<KernelRule> forType(long typeId) {
        return typeId >= 0 && typeId < BY_TYPE_ID.length ? BY_TYPE_ID[(int) typeId] : TYPELESS;
    }

    /** The rules that apply to a map of any type, in kernel order. */
    public static List<KernelRule> typeless() {
        return TYPELESS;
    }

    /**
     * One type's rules as evaluation walks them: in kernel order, each with the bits of the fields it reads
     * ({@link AttrField#bit()}), so skipping the rules that read an unknown field is one AND per rule, and with
     * its {@link ZeroGuard} (0: none) and the check it guards.
     */
    record Walk(KernelRule[] rules, long[] reads, KernelRule.Check[] checks, long[] guards) {
        static Walk of(List<KernelRule> rules) {
            int n = rules.size();
            long[] reads = new long[n];
            KernelRule.Check[] checks = new KernelRule.Check[n];
            long[] guards = new long[n];
            for (int i = 0; i < n; i++) {
                reads[i] = AttrField.bits(rules.get(i).reads());
                checks[i] = ZeroGuard.unguarded(rules.get(i).check());
                guards[i] = ZeroGuard.of(rules.get(i).check());
            }
            return new Walk(rules.toArray(new KernelRule[0]), reads, checks, guards);
        }
    }

    /** {@link #forType} as a walk. */
    static Walk walk(long typeId) {
        return typeId >= 0 && typeId < WALKS.length ? WALKS[(int) typeId] : TYPELESS_WALK;
    }

    /** {@link #typeless} as a walk. */
    static Walk typelessWalk() {
        return TYPELESS_WALK;
    }

    private static Walk[] walks() {
        Walk[] out = new Walk[BY_TYPE_ID.length];
        for (int id = 0; id < out.length; id++) {
            out[id] = BY_TYPE_ID[id] == TYPELESS ? TYPELESS_WALK : Walk.of(BY_TYPE_ID[id]);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<KernelRule>[] byType() {
        MapType[] types = MapType.values();
        List<KernelRule>[] out = new List[types[types.length - 1].id() + 1];
        Arrays.fill(out, TYPELESS);
        for (MapType t : types) {
            out[t.id()] = ORDERED.stream().filter(r -> r.appliesTo(t.id())).toList();
        }
        return out;
    }

    private static List<KernelRule> build() {
        List<KernelRule> all = new ArrayList<>();
        all.addAll(GenericRules.beforeType());
        all.addAll(HashRules.hashOfMapsCheck());
        all.addAll(HashRules.allocCheck());
        all.addAll(ArrayRules.allocCheck());
        all.addAll(OldKernelRules.arrayCheck());
        all.addAll(TypeTables.queueStackCheck());
        all.addAll(TypeTables.bloomCheck());
        all.addAll(TypeTables.devmapCheck());
        all.addAll(LocalStorageRules.allocCheck());
        all.addAll(StructOpsRules.allocCheck());
        all.addAll(GenericRules.permission());
        all.addAll(MapInMapRules.alloc());
        all.addAll(HashRules.alloc());
        all.addAll(TypeTables.stackTraceAlloc());
        all.addAll(LpmTrieRules.alloc());
        all.addAll(OldKernelRules.lpmCharge());
        all.addAll(TypeTables.ringbufAlloc());
        all.addAll(TypeTables.bloomAlloc());
        all.addAll(TypeTables.cpumapAlloc());
        all.addAll(TypeTables.xskmapAlloc());
        all.addAll(TypeTables.sockmapAlloc());
        all.addAll(TypeTables.cgroupStorageAlloc());
        all.addAll(StructOpsRules.alloc());
        all.addAll(ArenaRules.alloc());
        all.addAll(MemoryRule.all());
        all.addAll(GenericRules.name());
        all.addAll(BtfRules.all());
        Set<String> ids = new HashSet<>();
        for (KernelRule r : all) {
            if (!ids.add(r.id())) {
                throw new IllegalStateException("duplicate rule id " + r.id());
            }
        }
        return List.copyOf(all);
    }
}
