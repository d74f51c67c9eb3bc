package org.ebpfj.object.spec;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * A map definition as plain data: what an object asks the loader to create. The numeric fields carry the
 * kernel's unsigned 32-bit values (map_extra is 64-bit) in longs, exactly as declared, before any loader
 * adjusts them. A spec can be copied ({@link #toBuilder()}), printed and compared; creating the map is the
 * live layer's business.
 *
 * @param typeId      the raw {@code bpf_map_type}; may be a type this library does not know
 * @param deferred    fields the object leaves for user space to set before load (e.g. no {@code max_entries})
 * @param keyType     BTF type of the key, when the definition names one ({@code __type(key, ...)})
 * @param valueType   BTF type of the value
 * @param innerMap    the template of a map-in-map's inner map ({@code __array(values, ...)})
 * @param location    where the definition is, as precisely as the object's debug info allows
 * @param section     the ELF section the definition came from ({@code .maps}, {@code maps}, {@code .rodata}, ...)
 */
public record MapSpec(
        String name,
        int typeId,
        MapShape shape,
        Pinning pinning,
        Optional<TypeRef> keyType,
        Optional<TypeRef> valueType,
        Optional<MapSpec> innerMap,
        MapOrigin origin,
        SourceLocation location,
        String section,
        Set<MapField> deferred) implements OfMapType, ShapedMap {

    public MapSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(pinning, "pinning");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(innerMap, "innerMap");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(section, "section");
        // In the enum's order: Set.copyOf would iterate in an order that changes between JVM runs, and maps.json
        // lists these fields, so a no-op build would rewrite it.
        deferred = deferred.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(deferred));
    }

    public static Builder builder(String name, MapType type) {
        return new Builder(name, type.id());
    }

    public static Builder builder(String name, int typeId) {
        return new Builder(name, typeId);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name, typeId).shape(shape);
        b.pinning = pinning;
        b.keyType = keyType;
        b.valueType = valueType;
        b.innerMap = innerMap;
        b.origin = origin;
        b.location = location;
        b.section = section;
        b.deferred = deferred.isEmpty() ? EnumSet.noneOf(MapField.class) : EnumSet.copyOf(deferred);
        return b;
    }

    @Override
    public String toString() {
        return "map '" + name + "' (" + typeName() + ", key " + keySize() + ", value " + valueSize()
                + ", max_entries " + maxEntries() + ", flags " + MapFlag.describe(flags()) + ")";
    }

    /** Builds specs; defaults are what a definition that says nothing more gets. */
    public static final class Builder extends MapShapeBuilder<Builder> {
        private String name;
        private int typeId;
        private Pinning pinning = Pinning.NONE;
        private Optional<TypeRef> keyType = Optional.empty();
        private Optional<TypeRef> valueType = Optional.empty();
        private Optional<MapSpec> innerMap = Optional.empty();
        private MapOrigin origin = MapOrigin.PROGRAMMATIC;
        private SourceLocation location = SourceLocation.ofObject("<none>");
        private String section = "";
        private EnumSet<MapField> deferred = EnumSet.noneOf(MapField.class);

        private Builder(String name, int typeId) {
            this.name = name;
            this.typeId = typeId;
        }

        /** Another name (libbpf names an unnamed inner map template {@code <outer>.inner}). */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /** Another type (user space's {@code bpf_map__set_type}). */
        public Builder typeId(int v) {
            typeId = v;
            return this;
        }

        public Builder pinning(Pinning v) {
            pinning = v;
            return this;
        }

        public Builder keyType(TypeRef v) {
            keyType = Optional.ofNullable(v);
            return this;
        }

        public Builder valueType(TypeRef v) {
            valueType = Optional.ofNullable(v);
            return this;
        }

        public Builder innerMap(MapSpec v) {
            innerMap = Optional.ofNullable(v);
            return this;
        }

        public Builder origin(MapOrigin v) {
            origin = v;
            return this;
        }

        public Builder location(SourceLocation v) {
            location = v;
            return this;
        }

        public Builder section(String v) {
            section = v;
            return this;
        }

        public Builder deferred(MapField field) {
            deferred.add(field);
            return this;
        }

        /** Marks a field as set (e.g. the user gave the value user space will use before load). */
        public Builder undeferred(MapField field) {
            deferred.remove(field);
            return this;
        }

        public MapSpec build() {
            return new MapSpec(name, typeId, builtShape(), pinning, keyType, valueType, innerMap, origin, location,
                    section, deferred);
        }
    }
}
