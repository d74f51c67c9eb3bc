package org.ebpfj.object.spec;

import java.util.Optional;

import org.ebpfj.object.uapi.MapType;

/**
 * Something of one map type, given by the kernel's raw {@code bpf_map_type} id (which may be a type this library
 * does not know): a spec, an attribute, what the kernel says about a live map. The type questions are answered
 * here once.
 */
public interface OfMapType {
    /** The raw {@code bpf_map_type}. */
    int typeId();

    /** The map type, when this library knows the id. */
    default Optional<MapType> type() {
        return MapType.byId(typeId());
    }

    /** {@code HASH}, or {@code type 40} for an id this library does not know. */
    default String typeName() {
        return type().map(Enum::name).orElseGet(() -> "type " + Integer.toUnsignedString(typeId()));
    }

    default boolean is(MapType t) {
        return typeId() == t.id();
    }
}
