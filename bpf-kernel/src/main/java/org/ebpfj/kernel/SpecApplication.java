package org.ebpfj.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Map;

import org.ebpfj.kernel.internal.sys.LibBpf;
import org.ebpfj.kernel.internal.sys.ProgramLoading;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.ProgramSpec;
import org.ebpfj.object.spec.VariableSpec;
import org.ebpfj.object.uapi.Errno;

/**
 * Drives libbpf from a spec the caller edited: between open and load, every field where the spec differs from
 * what libbpf read from the same bytes is set with libbpf's own setter ({@code bpf_map__set_max_entries},
 * {@code bpf_map__set_value_size}, {@code bpf_program__set_autoload}, the initial bytes of a global-data map), so
 * libbpf keeps its semantics (e.g. rounding a ring buffer's size) and an unedited spec changes nothing.
 */
final class SpecApplication {
    private SpecApplication() {
    }

    static void apply(ObjectSpec spec, Map<String, MemorySegment> maps, Map<String, MemorySegment> programs) {
        for (MapSpec m : spec.maps()) {
            applyMap(m, find(maps, m.name(), "map", spec));
        }
        for (ProgramSpec p : spec.programs()) {
            MemorySegment prog = find(programs, p.name(), "program", spec);
            if (ProgramLoading.autoload(prog) != p.autoload()) {
                check("program '" + p.name() + "'", "autoload", LibBpf.programSetAutoload(prog, p.autoload()));
            }
        }
        for (VariableSpec v : spec.variables()) {
            applyVariable(v, find(maps, v.mapName(), "map", spec));
        }
    }

    private static MemorySegment find(Map<String, MemorySegment> items, String name, String what, ObjectSpec spec) {
        MemorySegment p = items.get(name);
        if (p == null) {
            throw new IllegalArgumentException("the spec of " + spec.file() + " names " + what + " '" + name
                    + "', but libbpf opened " + what + "s " + items.keySet() + " from its bytes");
        }
        return p;
    }

    private static void applyMap(MapSpec m, MemorySegment map) {
        String who = "map '" + m.name() + "'";
        if (LibBpf.mapType(map) != m.typeId()) {
            check(who, "type", LibBpf.mapSetType(map, m.typeId()));
        }
        if (LibBpf.mapKeySize(map) != m.keySize()) {
            check(who, "key_size", LibBpf.mapSetKeySize(map, (int) m.keySize()));
        }
        if (LibBpf.mapValueSize(map) != m.valueSize()) {
            check(who, "value_size", LibBpf.mapSetValueSize(map, (int) m.valueSize()));
        }
        if (LibBpf.mapMaxEntries(map) != m.maxEntries()) {
            check(who, "max_entries", LibBpf.mapSetMaxEntries(map, (int) m.maxEntries()));
        }
        if (LibBpf.mapFlags(map) != m.flags()) {
            check(who, "map_flags", LibBpf.mapSetFlags(map, (int) m.flags()));
        }
    }

    /** Writes the variable's bytes into libbpf's copy of its section when they differ from the object's. */
    private static void applyVariable(VariableSpec v, MemorySegment map) {
        MemorySegment data = LibBpf.mapInitialValue(map, null);
        byte[] wanted = v.value();
        if (data.equals(MemorySegment.NULL) || v.offset() + v.size() > data.byteSize()) {
            throw new IllegalStateException("libbpf keeps no initial value for variable " + v + " in map '"
                    + v.mapName() + "'");
        }
        MemorySegment slot = data.asSlice(v.offset(), v.size());
        if (Arrays.equals(slot.toArray(ValueLayout.JAVA_BYTE), wanted)) {
            return;
        }
        if (v.section().equals(".kconfig")) {
            throw new IllegalArgumentException("variable " + v + " is filled by libbpf from the kernel's"
                    + " configuration; a spec cannot set it");
        }
        MemorySegment.copy(wanted, 0, slot, ValueLayout.JAVA_BYTE, 0, wanted.length);
    }

    private static void check(String who, String field, int r) {
        if (r < 0) {
            throw new IllegalArgumentException("libbpf cannot set " + field + " of " + who + ": "
                    + Errno.nameOf(-r));
        }
    }
}
