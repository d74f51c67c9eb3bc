package org.ebpfj.kernel;

import java.lang.foreign.MemorySegment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import org.ebpfj.kernel.error.ObjectLoadException;
import org.ebpfj.kernel.internal.sys.LibBpf;
import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfFormatException;
import org.ebpfj.object.btf.BtfReader;
import org.ebpfj.object.spec.MapOrigin;
import org.ebpfj.object.spec.MapShape;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.SourceLocation;
import org.ebpfj.object.spec.TypeRef;

/**
 * What the loader reads from an object libbpf has opened: its maps and programs (libbpf's pointers), its BTF, the
 * offline model bpf-object reads from the same bytes, and each map's spec as libbpf will create it.
 */
final class ObjectReading {
    private ObjectReading() {
    }

    /** What the offline reader made of the object: its spec, or why there is none. */
    record OfflineRead(Optional<ObjectSpec> spec, Optional<String> problem) {
    }

    /**
     * The offline model of the object. It explains failures and gives maps their source locations and types, but
     * libbpf decides what loads: an object the reader refuses still loads, without a spec.
     */
    static OfflineRead readSpec(LoadOptions options, String objectName, byte[] bytes) {
        // (the caller gave no spec: this one only explains maps and errors, it is not applied)
        if (options.specReader().isEmpty()) {
            return new OfflineRead(Optional.empty(), Optional.empty());
        }
        try {
            return new OfflineRead(Optional.of(options.specReader().get().read(objectName, bytes)), Optional.empty());
        } catch (ObjectFormatException | RuntimeException e) {
            return new OfflineRead(Optional.empty(), Optional.of("the offline reader refused the object: "
                    + e.getMessage()));
        }
    }

    static Map<String, MemorySegment> mapPointers(MemorySegment obj) {
        return walk(obj, LibBpf::objectNextMap, LibBpf::mapName);
    }

    static Map<String, MemorySegment> programPointers(MemorySegment obj) {
        return walk(obj, LibBpf::objectNextProgram, LibBpf::programName);
    }

    /** libbpf's iteration ({@code bpf_object__next_map}, ...) from NULL to NULL, by name, in libbpf's order. */
    private static Map<String, MemorySegment> walk(MemorySegment obj, BinaryOperator<MemorySegment> next,
                                                   Function<MemorySegment, String> name) {
        Map<String, MemorySegment> out = new LinkedHashMap<>();
        for (MemorySegment m = next.apply(obj, MemorySegment.NULL); !m.equals(MemorySegment.NULL);
                m = next.apply(obj, m)) {
            out.put(name.apply(m), m);
        }
        return Collections.unmodifiableMap(out);
    }

    static Optional<Btf> readBtf(MemorySegment obj, String objectName) {
        byte[] raw = LibBpf.objectBtfBytes(obj);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BtfReader.read(raw));
        } catch (BtfFormatException e) {
            throw new ObjectLoadException(objectName, "read the BTF of", 22, e.getMessage());
        }
    }

    /**
     * Each map as libbpf creates it: the offline reader's spec (source location, section, inner map, key and value
     * types) with libbpf's current type, sizes and flags, which load options may have changed. Nothing is left to
     * user space any more. Maps the reader does not know get a spec from libbpf alone; types the reader has none
     * for come from libbpf's copy of the object's BTF.
     */
    static Map<String, MapSpec> mapSpecs(Map<String, MemorySegment> pointers, Optional<ObjectSpec> spec,
                                                 Optional<Btf> btf, String objectName) {
        Map<String, MapSpec> out = new LinkedHashMap<>();
        pointers.forEach((n, m) -> {
            MapSpec declared = spec.flatMap(s -> s.map(n)).orElseGet(() -> MapSpec.builder(n, LibBpf.mapType(m))
                    .origin(LibBpf.mapIsInternal(m) ? MapOrigin.GLOBAL_DATA : MapOrigin.BTF_DEFINED)
                    .location(SourceLocation.ofObject(objectName)).build());
            Optional<TypeRef> key = declared.keyType().or(() -> typeRef(btf, LibBpf.mapBtfKeyTypeId(m)));
            Optional<TypeRef> value = declared.valueType().or(() -> typeRef(btf, LibBpf.mapBtfValueTypeId(m)));
            MapShape shape = new MapShape(LibBpf.mapKeySize(m), LibBpf.mapValueSize(m), LibBpf.mapMaxEntries(m),
                    LibBpf.mapFlags(m), declared.mapExtra(), declared.numaNode());
            out.put(n, new MapSpec(n, LibBpf.mapType(m), shape, declared.pinning(), key, value, declared.innerMap(),
                    declared.origin(), declared.location(), declared.section(), Set.of()));
        });
        return Collections.unmodifiableMap(out);
    }

    static Optional<TypeRef> typeRef(Optional<Btf> btf, int id) {
        return id == 0 ? Optional.empty() : btf.map(b -> new TypeRef(b, id));
    }
}
