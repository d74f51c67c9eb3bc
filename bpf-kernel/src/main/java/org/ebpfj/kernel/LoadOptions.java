package org.ebpfj.kernel;

import java.nio.file.Path;
import java.util.Optional;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.ObjectSpecReader;

/**
 * How to load an object, beyond what it is: where pinned maps go and how the object is read offline. What is
 * loaded (map sizes, constants, which programs) is the {@link ObjectSpec} given to
 * {@link BpfObject#load(byte[], ObjectSpec, LoadOptions)}; these options say nothing about it.
 *
 * @param pinRoot    the directory for maps with {@code pinning = LIBBPF_PIN_BY_NAME}; libbpf's default is
 *                   {@code /sys/fs/bpf}
 * @param specReader the seam to the offline model when no spec is given, bpf-object's reader by default; see
 *                   {@link SpecReader}
 */
public record LoadOptions(Optional<Path> pinRoot, Optional<SpecReader> specReader) {

    public static LoadOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the object's bytes into the offline model when the caller gives no spec. By default this is
     * {@code bpf-object}'s {@link ObjectSpecReader} ({@link #OBJECT_SPEC_READER}): {@link BpfObject#spec()} holds
     * what it read, each map's {@link org.ebpfj.kernel.map.RawMap#spec()} starts from its map spec (source
     * location, key and value BTF types for record codecs), and map creation errors name the source line. Tests
     * can put another reader in its place. Without a reader ({@link Builder#withoutSpecReader()}), or when the
     * reader refuses the object, the live layer works from what libbpf reports.
     */
    @FunctionalInterface
    public interface SpecReader {
        /** bpf-object's reader, which opens the object the way libbpf 1.x does. */
        SpecReader OBJECT_SPEC_READER = (objectName, objectBytes) -> ObjectSpecReader.read(objectBytes, objectName);

        ObjectSpec read(String objectName, byte[] objectBytes) throws ObjectFormatException;
    }

    public static final class Builder {
        private Optional<Path> pinRoot = Optional.empty();
        private Optional<SpecReader> specReader = Optional.of(SpecReader.OBJECT_SPEC_READER);

        private Builder() {
        }

        public Builder pinRoot(Path dir) {
            pinRoot = Optional.of(dir);
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
            return new LoadOptions(pinRoot, specReader);
        }
    }
}
