package org.ebpfj.object.rules;

import java.text.ParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.spec.MapField;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * Values user space will set before load (bpf_map__set_max_entries and friends), per map name and field. The
 * checker applies them before checking, so fields an object leaves open ({@link MapSpec#deferred()}) are checked
 * with the real values. A value given for a field the object does set replaces it, as the setter call would.
 */
public final class MapOverrides {
    private static final MapOverrides NONE = new MapOverrides(Map.of());

    private final Map<String, Map<MapField, Long>> values;

    private MapOverrides(Map<String, Map<MapField, Long>> values) {
        this.values = values;
    }

    public static MapOverrides none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses entries of the form {@code MAP.FIELD=VALUE}, e.g. {@code events.max_entries=4096} or
     * {@code counts.map_flags=NO_PREALLOC|NUMA_NODE}; FIELD is a C field name ({@code type}, {@code key_size},
     * {@code value_size}, {@code max_entries}, {@code map_flags}). Map names may contain dots: the last dot before
     * the field separates them.
     */
    public static MapOverrides parse(List<String> entries) throws ParseException {
        Builder b = builder();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            int dot = eq < 0 ? -1 : entry.lastIndexOf('.', eq);
            if (eq < 0 || dot <= 0) {
                throw new ParseException("expected MAP.FIELD=VALUE, got '" + entry + "'", 0);
            }
            String map = entry.substring(0, dot).trim();
            String fieldName = entry.substring(dot + 1, eq).trim();
            String value = entry.substring(eq + 1).trim();
            MapField field = fieldNamed(fieldName)
                    .orElseThrow(() -> new ParseException("unknown map field '" + fieldName + "' in '" + entry
                            + "' (use type, key_size, value_size, max_entries or map_flags)", 0));
            b.set(map, field, value(field, value, entry));
        }
        return b.build();
    }

    public Optional<Long> get(String mapName, MapField field) {
        return Optional.ofNullable(values.getOrDefault(mapName, Map.of()).get(field));
    }

    public Map<MapField, Long> forMap(String mapName) {
        return values.getOrDefault(mapName, Map.of());
    }

    public Set<String> mapNames() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The spec with this map's values set and those fields no longer deferred. */
    public MapSpec applyTo(MapSpec spec) {
        if (values.isEmpty()) {
            return spec; // the usual build: no lookup by name (which would hash every map's name)
        }
        Map<MapField, Long> mine = forMap(spec.name());
        if (mine.isEmpty()) {
            return spec;
        }
        MapSpec.Builder b = spec.toBuilder();
        for (Map.Entry<MapField, Long> e : mine.entrySet()) {
            long v = e.getValue();
            switch (e.getKey()) {
                case TYPE -> b.typeId((int) v);
                case KEY_SIZE -> b.keySize(v);
                case VALUE_SIZE -> b.valueSize(v);
                case MAX_ENTRIES -> b.maxEntries(v);
                case MAP_FLAGS -> b.flags(v);
            }
            b.undeferred(e.getKey());
        }
        return b.build();
    }

    private static Optional<MapField> fieldNamed(String name) {
        for (MapField f : MapField.values()) {
            if (f.cName().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static long value(MapField field, String text, String entry) throws ParseException {
        if (field == MapField.TYPE) {
            Optional<MapType> t = MapType.byName(text);
            if (t.isPresent()) {
                return t.get().id();
            }
        }
        if (field == MapField.MAP_FLAGS && !text.isEmpty() && !Character.isDigit(text.charAt(0))) {
            long mask = 0;
            for (String name : text.split("\\|")) {
                Optional<MapFlag> f = MapFlag.byName(name);
                if (f.isEmpty()) {
                    throw new ParseException("unknown map flag '" + name + "' in '" + entry + "'", 0);
                }
                mask |= f.get().mask();
            }
            return mask;
        }
        try {
            long v = text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseLong(text);
            if (v < 0 || v > MapCreateAttr.U32_MAX) {
                throw new ParseException("value of '" + entry + "' is not an unsigned 32-bit number", 0);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ParseException("value of '" + entry + "' is not a number", 0);
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects overrides; a later value for the same map and field wins. */
    public static final class Builder {
        private final Map<String, Map<MapField, Long>> values = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder set(String mapName, MapField field, long value) {
            if (value < 0 || value > MapCreateAttr.U32_MAX) {
                throw new IllegalArgumentException(field.cName() + " of map '" + mapName
                        + "' is not an unsigned 32-bit value: " + value);
            }
            values.computeIfAbsent(mapName, k -> new EnumMap<>(MapField.class)).put(field, value);
            return this;
        }

        public MapOverrides build() {
            Map<String, Map<MapField, Long>> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
            return new MapOverrides(Collections.unmodifiableMap(copy));
        }
    }
}
