package org.ebpfj.object.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.uapi.MapType;

/** The fields of one expected map, checked all at once with messages that name the map and the field. */
final class MapExpectation {
    private final String name;
    private final MapType type;
    private long keySize;
    private long valueSize;
    private long maxEntries;
    private long flags;
    private long mapExtra;
    private long numaNode;
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
        keySize = key;
        valueSize = value;
        maxEntries = max;
        return this;
    }

    MapExpectation flags(long f) {
        flags = f;
        return this;
    }

    MapExpectation mapExtra(long v) {
        mapExtra = v;
        return this;
    }

    MapExpectation numaNode(long v) {
        numaNode = v;
        return this;
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
        assertThat(m.keySize()).as(n + "key_size").isEqualTo(keySize);
        assertThat(m.valueSize()).as(n + "value_size").isEqualTo(valueSize);
        assertThat(m.maxEntries()).as(n + "max_entries").isEqualTo(maxEntries);
        assertThat(m.flags()).as(n + "map_flags").isEqualTo(flags);
        assertThat(m.mapExtra()).as(n + "map_extra").isEqualTo(mapExtra);
        assertThat(m.numaNode()).as(n + "numa_node").isEqualTo(numaNode);
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
