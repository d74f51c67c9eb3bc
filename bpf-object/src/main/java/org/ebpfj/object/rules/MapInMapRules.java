package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapType;

/**
 * kernel/bpf/map_in_map.c {@code bpf_map_meta_alloc}: the inner map template of ARRAY_OF_MAPS and HASH_OF_MAPS,
 * checked at the start of the outer map's alloc.
 */
final class MapInMapRules {
    static final Set<MapType> TYPES = EnumSet.of(MapType.ARRAY_OF_MAPS, MapType.HASH_OF_MAPS);

    /** Whether a map of this type id takes an inner map: two id compares, no Optional (every map asks). */
    static boolean isMapOfMaps(long typeId) {
        return typeId == MapType.ARRAY_OF_MAPS.id() || typeId == MapType.HASH_OF_MAPS.id();
    }

    /** Types whose ops have no {@code map_meta_equal}: they cannot be inner maps. */
    static final Set<MapType> NOT_INNER = EnumSet.of(MapType.PROG_ARRAY, MapType.CGROUP_STORAGE,
            MapType.PERCPU_CGROUP_STORAGE, MapType.STRUCT_OPS);

    private static final String META = "bpf_map_meta_alloc";

    private MapInMapRules() {
    }

    static List<KernelRule> alloc() {
        return List.of(
                rule("map-in-map.inner-map", Stage.ALLOC, Errno.EINVAL, META, TYPES)
                        .summary("a map of maps needs an inner map (inner_map_fd) as the template of its values")
                        .reads(AttrField.INNER_MAP)
                        .check(c -> fire(c.attr().innerMap().isEmpty(), () -> "no inner map is given: a " + c.typeName()
                                + " needs inner_map_fd (inner_map_fd 0 is not a map); declare the values with "
                                + "__array(values, ...) or call bpf_map__set_inner_map_fd() before load")),
                rule("map-in-map.nested", Stage.ALLOC, Errno.EINVAL, META, TYPES)
                        .summary("the inner map cannot itself be a map of maps (one level only)")
                        .reads(AttrField.INNER_MAP)
                        .check(c -> inner(c).filter(TYPES::contains).map(t -> "the inner map is a " + t
                                + ": maps of maps nest only one level")),
                rule("map-in-map.inner-type", Stage.ALLOC, Errno.ENOTSUPP, META, TYPES)
                        .summary("PROG_ARRAY, CGROUP_STORAGE, PERCPU_CGROUP_STORAGE and STRUCT_OPS cannot be inner "
                                + "maps")
                        .reads(AttrField.INNER_MAP)
                        .check(c -> inner(c).filter(NOT_INNER::contains).map(t -> "the inner map is a " + t
                                + ", which cannot be an inner map (the kernel cannot compare two of them)")));
    }

    private static Optional<MapType> inner(CreateContext c) {
        return c.attr().innerMap().flatMap(MapCreateAttr::type);
    }
}
