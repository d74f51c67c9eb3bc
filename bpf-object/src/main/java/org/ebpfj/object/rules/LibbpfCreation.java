package org.ebpfj.object.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.spec.BtfFacts;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.spec.MapField;
import org.ebpfj.object.spec.MapOrigin;
import org.ebpfj.object.spec.MapShape;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.TypeRef;
import org.ebpfj.object.uapi.MapType;

/**
 * Turns a map definition into the attribute a libbpf loader sends (tools/lib/bpf/libbpf.c
 * {@code bpf_object__create_map}), noting what libbpf changes on the way and which inputs are not known until
 * user space sets them.
 */
final class LibbpfCreation {
    /** Types for which libbpf sends no BTF key/value ids (bpf_object__create_map). */
    static final Set<MapType> BTF_STRIPPED = EnumSet.of(MapType.PERF_EVENT_ARRAY, MapType.CGROUP_ARRAY,
            MapType.STACK_TRACE, MapType.ARRAY_OF_MAPS, MapType.HASH_OF_MAPS, MapType.DEVMAP, MapType.DEVMAP_HASH,
            MapType.CPUMAP, MapType.XSKMAP, MapType.SOCKMAP, MapType.SOCKHASH, MapType.QUEUE, MapType.STACK,
            MapType.ARENA);

    /** Stands for the id libbpf finds in the kernel's BTF for a STRUCT_OPS value type. */
    private static final long VMLINUX_VALUE_ID = 1;

    private static final int KERNEL_NAME_MAX = 15;

    /**
     * What libbpf sends, plus its notes, the fields the object leaves out and the inputs only user space will know
     * (both as {@link AttrField#bit()}s).
     */
    record View(MapCreateAttr attr, long deferred, long unknown, List<Violation> notes) {
    }

    private LibbpfCreation() {
    }

    static View of(MapSpec spec, KernelProfile profile) {
        return of(spec, profile, true);
    }

    /** With {@code withNotes} false (the inner map's attribute inside its outer one) no note is written. */
    private static View of(MapSpec spec, KernelProfile profile, boolean withNotes) {
        List<Violation> notes = withNotes ? new ArrayList<>(2) : List.of();
        long deferred = 0;
        for (MapField f : spec.deferred()) {
            deferred |= AttrField.bitOf(f);
        }
        int typeId = spec.typeId();

        long maxEntries = u32(spec.maxEntries());
        boolean maxDeferred = (deferred & AttrField.MAX_ENTRIES.bit()) != 0;
        if (spec.is(MapType.PERF_EVENT_ARRAY) && (maxEntries == 0 || maxDeferred)) {
            maxEntries = profile.possibleCpus();
            maxDeferred = false;
            if (withNotes) {
                notes.add(Findings.of(LoaderRules.PERF_EVENT_ARRAY_SIZE, spec, "max_entries is not set: libbpf "
                        + "uses the number of possible CPUs of the machine it runs on (" + profile.possibleCpus()
                        + " on the target profile)"));
            }
        }
        // Whether a field left out is worth a warning depends on the kernel's rules: the engine decides
        // (settleDeferred). A PERF_EVENT_ARRAY's max_entries is libbpf's to set.
        long unknown = maxDeferred ? deferred : deferred & ~AttrField.MAX_ENTRIES.bit();
        boolean ringbuf = typeId == MapType.RINGBUF.id() || typeId == MapType.USER_RINGBUF.id();
        if (ringbuf && (unknown & AttrField.MAX_ENTRIES.bit()) == 0) {
            long adjusted = adjustRingbufSize(maxEntries, profile.pageSize());
            if (adjusted != maxEntries) {
                if (withNotes) {
                    notes.add(Findings.of(LoaderRules.RINGBUF_SIZE, spec, "max_entries " + maxEntries + " is not a "
                            + "power-of-two multiple of the page size (" + profile.pageSize() + "): libbpf creates "
                            + "the " + spec.typeName() + " with " + adjusted + " bytes" + Sizes.humanSuffix(adjusted)));
                }
                maxEntries = adjusted;
            }
        }

        String name = kernelName(spec);
        if (withNotes && !name.equals(spec.name()) && spec.name().length() > KERNEL_NAME_MAX) {
            notes.add(Findings.of(LoaderRules.MAP_NAME, spec, "the kernel keeps the first " + KERNEL_NAME_MAX
                    + " characters of the name: bpftool and /proc show '" + name + "'"));
        }

        // The attribute is made in one step, not through its builder: every map of every build makes one.
        MapShape shape = new MapShape(u32(spec.keySize()), u32(spec.valueSize()), maxEntries, u32(spec.flags()),
                spec.mapExtra(), u32(spec.numaNode()));
        long btfKeyTypeId = 0;
        long btfValueTypeId = 0;
        Optional<BtfFacts> btf = Optional.empty();
        Optional<TypeRef> key = spec.keyType();
        Optional<TypeRef> value = spec.valueType();
        if (!btfStripped(typeId) && (key.isPresent() || value.isPresent())) {
            btfKeyTypeId = key.isPresent() ? key.get().id() : 0L;
            btfValueTypeId = spec.is(MapType.STRUCT_OPS) || value.isEmpty() ? 0 : value.get().id();
            btf = Optional.of(BtfFacts.of(key, value));
        }
        long vmlinuxValueTypeId = 0;
        if (spec.is(MapType.STRUCT_OPS)) {
            // libbpf looks the value type up in the kernel's BTF; offline, its size is unknown.
            vmlinuxValueTypeId = VMLINUX_VALUE_ID;
            unknown |= AttrField.STRUCT_OPS_VALUE.bit();
        }
        Optional<MapCreateAttr> inner = Optional.empty();
        if (MapInMapRules.isMapOfMaps(typeId)) {
            if (spec.innerMap().isPresent()) {
                inner = Optional.of(of(innerSpec(spec), profile, false).attr());
            } else {
                unknown |= AttrField.INNER_MAP.bit();
                if (withNotes) {
                    notes.add(Findings.of(LoaderRules.INNER_MAP_MISSING, spec, "the definition has no inner map "
                            + "(__array(values, ...)): user space must call bpf_map__set_inner_map_fd() before load, "
                            + "else the kernel sees inner_map_fd 0 and fails with EINVAL"));
                }
            }
        }
        MapCreateAttr attr = new MapCreateAttr(u32(spec.typeId()), shape, name, btfKeyTypeId, btfValueTypeId,
                vmlinuxValueTypeId, btf, inner, Optional.empty());
        return new View(attr, deferred, unknown, notes);
    }

    /** Whether libbpf sends no BTF ids for a map of this type id ({@link #BTF_STRIPPED}), without an Optional. */
    private static boolean btfStripped(int typeId) {
        Optional<MapType> type = MapType.byId(typeId);
        return type.isPresent() && BTF_STRIPPED.contains(type.get());
    }

    /** libbpf names the inner map template {@code <outer>.inner}. */
    static MapSpec innerSpec(MapSpec outer) {
        MapSpec inner = outer.innerMap().orElseThrow();
        if (!inner.name().isEmpty()) {
            return inner;
        }
        return inner.toBuilder().name(outer.name() + ".inner")
                .location(inner.location().hasLine() ? inner.location() : outer.location()).build();
    }

    /**
     * {@code adjust_ringbuf_sz}: a size that is not a power-of-two multiple of the page size becomes the next one
     * that is larger; 0 stays 0, and a size no such multiple (up to 2^31) exceeds stays as is.
     */
    static long adjustRingbufSize(long size, long page) {
        if (size == 0) {
            return 0;
        }
        if (size % page == 0 && CreateContext.isPowerOfTwo(size / page)) {
            return size;
        }
        for (long mul = 1; mul <= MapCreateAttr.U32_MAX / page; mul <<= 1) {
            if (mul * page > size) {
                return mul * page;
            }
        }
        return size;
    }

    /**
     * The name the kernel receives: libbpf copies at most 15 characters; names it makes up itself (global data,
     * .kconfig) have characters outside the kernel's set replaced by '_'.
     */
    static String kernelName(MapSpec spec) {
        String n = spec.name().length() > KERNEL_NAME_MAX ? spec.name().substring(0, KERNEL_NAME_MAX) : spec.name();
        if (spec.origin() != MapOrigin.GLOBAL_DATA && spec.origin() != MapOrigin.KCONFIG) {
            return n;
        }
        StringBuilder sb = null;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            boolean kept = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.');
            if (!kept && sb == null) {
                sb = new StringBuilder(n.length()).append(n, 0, i); // most names need no change: copy only when one does
            }
            if (sb != null) {
                sb.append(kept ? c : '_');
            }
        }
        return sb == null ? n : sb.toString();
    }

    static String deferredMessage(MapSpec spec, MapField f) {
        String setter;
        switch (f) {
            case MAX_ENTRIES:
                setter = "bpf_map__set_max_entries";
                break;
            case KEY_SIZE:
                setter = "bpf_map__set_key_size";
                break;
            case VALUE_SIZE:
                setter = "bpf_map__set_value_size";
                break;
            case TYPE:
                setter = "bpf_map__set_type";
                break;
            default:
                setter = "bpf_map__set_map_flags";
                break;
        }
        return f.cName() + " is not set in the object: user space must set it before load (" + setter
                + "); give the value it will use with <mapOverrides> (" + spec.name() + "." + f.cName()
                + "=...) to check it";
    }

    private static long u32(long v) {
        return v & MapCreateAttr.U32_MAX;
    }
}
