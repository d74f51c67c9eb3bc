package org.ebpfj.object.codegen;

import java.util.List;
import java.util.Optional;

import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ProgramSpec;

/**
 * What a skeleton exposes, with the Java names already chosen: maps, programs and global variables.
 *
 * @param className the skeleton's simple name
 * @param objectFile the object's file name, for javadoc
 * @param resource  the classpath resource the skeleton loads
 */
record SkeletonModel(String className, String objectFile, String resource, List<MapEntry> maps,
                     List<ProgramEntry> programs, List<VariableEntry> variables) {

    /**
     * How a map is handed out: a typed map, a per-CPU map, a queue or stack, an event reader (ring buffer, perf
     * buffer) or writer (user ring buffer), or the byte-level handle.
     */
    enum Handle {
        TYPED, PER_CPU, QUEUE, RING_BUFFER, PERF_BUFFER, USER_RING_BUFFER, RAW;

        boolean isEvents() {
            return this == RING_BUFFER || this == PERF_BUFFER || this == USER_RING_BUFFER;
        }
    }

    /**
     * @param key   the key's Java form; empty for maps without keys (queues) and raw handles
     * @param value the value's Java form (for event maps, the event's, when known); empty for raw handles
     */
    record MapEntry(MapSpec spec, String accessor, String constant, Handle handle, Optional<JavaType> key,
                    Optional<JavaType> value) {
    }

    record ProgramEntry(ProgramSpec spec, String accessor, String constant) {
    }

    /**
     * A global variable in {@code .data}, {@code .rodata} or {@code .bss} (or their named variants).
     *
     * @param readOnly  {@code .rodata}: set before load only
     */
    record VariableEntry(String name, String accessor, String constant, String section, boolean readOnly,
                         JavaType type, Optional<String> location) {
    }
}
