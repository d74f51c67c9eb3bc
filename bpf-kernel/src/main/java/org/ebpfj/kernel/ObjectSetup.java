package org.ebpfj.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.Optional;

import org.ebpfj.kernel.internal.sys.LibBpf;
import org.ebpfj.object.btf.Btf;

/** Applies {@link LoadOptions} to an opened object before it is loaded. */
final class ObjectSetup {
    private ObjectSetup() {
    }

    static void apply(LoadOptions options, String objectName, Map<String, MemorySegment> maps,
                      Map<String, MemorySegment> programs, Optional<Btf> btf) {
        options.maps().forEach((name, settings) -> {
            MemorySegment m = maps.get(name);
            if (m == null) {
                throw new IllegalArgumentException("load options name map '" + name + "', but object '"
                        + objectName + "' has maps " + maps.keySet());
            }
            settings.type().ifPresent(t -> check(name, "type", LibBpf.mapSetType(m, t.id())));
            settings.keySize().ifPresent(v -> check(name, "key_size", LibBpf.mapSetKeySize(m, (int) v)));
            settings.valueSize().ifPresent(v -> check(name, "value_size", LibBpf.mapSetValueSize(m, (int) v)));
            settings.maxEntries().ifPresent(v -> check(name, "max_entries", LibBpf.mapSetMaxEntries(m, (int) v)));
            settings.flags().ifPresent(v -> check(name, "map_flags", LibBpf.mapSetFlags(m, (int) v)));
        });
        for (String p : options.skipPrograms()) {
            MemorySegment prog = programs.get(p);
            if (prog == null) {
                throw new IllegalArgumentException("load options skip program '" + p + "', but object '"
                        + objectName + "' has programs " + programs.keySet());
            }
            LibBpf.programSetAutoload(prog, false);
        }
        options.variables().forEach((name, bytes) -> setVariable(objectName, maps, btf, name, bytes));
    }

    private static void setVariable(String objectName, Map<String, MemorySegment> maps, Optional<Btf> btf,
                                    String name, byte[] bytes) {
        Btf b = btf.orElseThrow(() -> new IllegalArgumentException("object '" + objectName
                + "' has no BTF, so variable '" + name + "' cannot be found"));
        for (MemorySegment m : maps.values()) {
            if (!LibBpf.mapIsInternal(m)) {
                continue;
            }
            Optional<GlobalVariable.Place> place = GlobalVariable.find(b, LibBpf.mapBtfValueTypeId(m), name);
            if (place.isEmpty()) {
                continue;
            }
            if (place.get().size() != bytes.length) {
                throw new IllegalArgumentException("variable '" + name + "' is " + place.get().size()
                        + " bytes (" + b.describe(place.get().typeId()) + "), the value given is " + bytes.length);
            }
            MemorySegment data = LibBpf.mapInitialValue(m, null);
            if (data.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("libbpf keeps no initial value for the map of '" + name + "'");
            }
            MemorySegment.copy(bytes, 0, data, ValueLayout.JAVA_BYTE, place.get().offset(), bytes.length);
            return;
        }
        throw new IllegalArgumentException("object '" + objectName + "' has no global variable '" + name + "'");
    }

    private static void check(String map, String field, int r) {
        if (r < 0) {
            throw new IllegalArgumentException("cannot set " + field + " of map '" + map + "': "
                    + org.ebpfj.object.uapi.Errno.nameOf(-r));
        }
    }
}
