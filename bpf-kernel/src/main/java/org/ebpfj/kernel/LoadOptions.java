package org.ebpfj.kernel;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.ObjectSpecReader;
import org.ebpfj.object.uapi.MapType;

/**
 * How to load an object: values for map fields the object leaves to user space (or overrides), initial values of
 * global variables, programs to skip, where pinned maps go, and the offline reader of the object.
 *
 * @param objectName  the name libbpf gives the object (prefix of its global-data map names); default: file name
 * @param pinRoot     the directory for maps with {@code pinning = LIBBPF_PIN_BY_NAME}; libbpf's default is
 *                    {@code /sys/fs/bpf}
 * @param maps        per-map settings applied after open and before load
 * @param variables   initial bytes of global variables (.data, .rodata, .bss), by variable name
 * @param skipPrograms programs not to load (libbpf's autoload off)
 * @param specReader  the seam to the offline model, bpf-object's reader by default; see {@link SpecReader}
 */
public record LoadOptions(Optional<String> objectName, Optional<Path> pinRoot, Map<String, MapSettings> maps,
                          Map<String, byte[]> variables, Set<String> skipPrograms,
                          Optional<SpecReader> specReader) {

    public LoadOptions {
        maps = Map.copyOf(maps);
        variables = Map.copyOf(variables);
        skipPrograms = Set.copyOf(skipPrograms);
    }

    public static LoadOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings for one map; empty fields keep the object's value. */
    public record MapSettings(OptionalLong maxEntries, OptionalLong keySize, OptionalLong valueSize,
                              OptionalLong flags, Optional<MapType> type) {
        static final MapSettings NONE = new MapSettings(OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), Optional.empty());
    }

    /**
     * Reads the object's bytes into the offline model. By default this is {@code bpf-object}'s
     * {@link ObjectSpecReader} ({@link #OBJECT_SPEC_READER}): {@link BpfObject#spec()} holds what it read, each map's
     * {@link RawMap#spec()} starts from its map spec (source location, key and value BTF types for record codecs),
     * and map creation errors name the source line. Tests can put another reader in its place. Without a reader
     * ({@link Builder#withoutSpecReader()}), or when the reader refuses the object, the live layer works from what
     * libbpf reports (types from libbpf's copy of the object's BTF, read with bpf-object's {@code BtfReader}).
     */
    @FunctionalInterface
    public interface SpecReader {
        /** bpf-object's reader, which opens the object the way libbpf 1.x does. */
        SpecReader OBJECT_SPEC_READER = (objectName, objectBytes) -> ObjectSpecReader.read(objectBytes, objectName);

        ObjectSpec read(String objectName, byte[] objectBytes) throws ObjectFormatException;
    }

    public static final class Builder {
        private Optional<String> objectName = Optional.empty();
        private Optional<Path> pinRoot = Optional.empty();
        private final Map<String, MapSettings> maps = new LinkedHashMap<>();
        private final Map<String, byte[]> variables = new LinkedHashMap<>();
        private final Set<String> skipPrograms = new LinkedHashSet<>();
        private Optional<SpecReader> specReader = Optional.of(SpecReader.OBJECT_SPEC_READER);

        private Builder() {
        }

        public Builder objectName(String name) {
            objectName = Optional.of(name);
            return this;
        }

        public Builder pinRoot(Path dir) {
            pinRoot = Optional.of(dir);
            return this;
        }

        public Builder maxEntries(String map, long maxEntries) {
            MapSettings s = maps.getOrDefault(map, MapSettings.NONE);
            maps.put(map, new MapSettings(OptionalLong.of(maxEntries), s.keySize(), s.valueSize(), s.flags(),
                    s.type()));
            return this;
        }

        public Builder keySize(String map, long keySize) {
            MapSettings s = maps.getOrDefault(map, MapSettings.NONE);
            maps.put(map, new MapSettings(s.maxEntries(), OptionalLong.of(keySize), s.valueSize(), s.flags(),
                    s.type()));
            return this;
        }

        public Builder valueSize(String map, long valueSize) {
            MapSettings s = maps.getOrDefault(map, MapSettings.NONE);
            maps.put(map, new MapSettings(s.maxEntries(), s.keySize(), OptionalLong.of(valueSize), s.flags(),
                    s.type()));
            return this;
        }

        public Builder mapFlags(String map, long flags) {
            MapSettings s = maps.getOrDefault(map, MapSettings.NONE);
            maps.put(map, new MapSettings(s.maxEntries(), s.keySize(), s.valueSize(), OptionalLong.of(flags),
                    s.type()));
            return this;
        }

        public Builder mapType(String map, MapType type) {
            MapSettings s = maps.getOrDefault(map, MapSettings.NONE);
            maps.put(map, new MapSettings(s.maxEntries(), s.keySize(), s.valueSize(), s.flags(),
                    Optional.of(type)));
            return this;
        }

        /** Initial bytes of a global variable (their length must be the variable's size). */
        public Builder variable(String name, byte[] value) {
            variables.put(name, value.clone());
            return this;
        }

        public Builder variable(String name, int value) {
            return variable(name, java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.nativeOrder())
                    .putInt(value).array());
        }

        public Builder variable(String name, long value) {
            return variable(name, java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.nativeOrder())
                    .putLong(value).array());
        }

        public Builder skipProgram(String name) {
            skipPrograms.add(name);
            return this;
        }

        /** Reads the object with this reader instead of bpf-object's {@link ObjectSpecReader}. */
        public Builder specReader(SpecReader reader) {
            specReader = Optional.of(reader);
            return this;
        }

        /** Loads without the offline model: specs are built from what libbpf reports. */
        public Builder withoutSpecReader() {
            specReader = Optional.empty();
            return this;
        }

        public LoadOptions build() {
            return new LoadOptions(objectName, pinRoot, maps, variables, skipPrograms, specReader);
        }
    }
}
