package org.ebpfj.object.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.uapi.MapType;

/**
 * The fields of one expected map, checked all at once with messages that name the map and the field. The sizes,
 * flags, map_extra and NUMA node are set through the same builder the spec uses for its {@link MapShape}.
 */
final class MapExpectation extends MapShapeBuilder<MapExpectation> {
    private final String name;
    private final MapType type;
    private Pinning pinning = Pinning.NONE;
    private String keyType;
    private String valueType;
    private MapOrigin origin = MapOrigin.BTF_DEFINED;
    private String section = ".maps";
    private SourceLocation location;
    private Set<MapField> deferred = Set.of();
    private MapExpectation inner;

    private MapExpectation(String name, MapType type) {
        this.name = name;
        this.type = type;
    }

    static MapExpectation map(String name, MapType type) {
        return new MapExpectation(name, type);
    }

    String name() {
        return name;
    }

    MapExpectation sizes(long key, long value, long max) {
        return keySize(key).valueSize(value).maxEntries(max);
    }

    MapExpectation pinning(Pinning p) {
        pinning = p;
        return this;
    }

    MapExpectation types(String key, String value) {
        keyType = key;
        valueType = value;
        return this;
    }

    MapExpectation origin(MapOrigin o, String sec) {
        origin = o;
        section = sec;
        return this;
    }

    MapExpectation at(SourceLocation l) {
        location = l;
        return this;
    }

    MapExpectation deferred(MapField... fields) {
        deferred = fields.length == 0 ? Set.of() : EnumSet.of(fields[0], fields);
        return this;
    }

    MapExpectation inner(MapExpectation i) {
        inner = i;
        return this;
    }

    void check(MapSpec m) {
        String n = "map " + name + ": ";
        assertThat(m.name()).as(n + "name").isEqualTo(name);
        assertThat(m.typeId()).as(n + "type").isEqualTo(type.id());
        assertThat(m.shape()).as(n + "key_size, value_size, max_entries, map_flags, map_extra, numa_node")
                .isEqualTo(builtShape());
        assertThat(m.pinning()).as(n + "pinning").isEqualTo(pinning);
        assertThat(m.keyType().map(TypeRef::describe)).as(n + "key type").isEqualTo(Optional.ofNullable(keyType));
        assertThat(m.valueType().map(TypeRef::describe)).as(n + "value type")
                .isEqualTo(Optional.ofNullable(valueType));
        assertThat(m.origin()).as(n + "origin").isEqualTo(origin);
        assertThat(m.section()).as(n + "section").isEqualTo(section);
        assertThat(m.location()).as(n + "location").isEqualTo(location);
        assertThat(m.deferred()).as(n + "deferred").isEqualTo(deferred);
        if (inner == null) {
            assertThat(m.innerMap()).as(n + "inner map").isEmpty();
        } else {
            assertThat(m.innerMap()).as(n + "inner map").isPresent();
            inner.check(m.innerMap().get());
        }
    }
}
