package org.ebpfj.kernel;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.ebpfj.kernel.error.LoadFacts;
import org.ebpfj.kernel.internal.sys.LibBpf;
import org.ebpfj.kernel.internal.sys.MapReplay;
import org.ebpfj.kernel.internal.sys.ProgramLoading;
import org.ebpfj.kernel.internal.sys.ProgramLogBuffers;
import org.ebpfj.object.machine.Machine;
import org.ebpfj.object.spec.MapSpec;

/**
 * Set up before {@code bpf_object__load} so that a failure can be explained from facts rather than from libbpf's
 * messages: each program gets its own verifier-log buffer ({@link ProgramLogBuffers}), and what libbpf changes or
 * frees during a failed load (the programs to load, each map's BTF ids and inner map) is read beforehand. After a
 * failure, {@link #facts} answers {@link LoadFacts}; the map the kernel refuses is found by doing libbpf's map
 * creation again ({@link MapReplay}), and only when no program log explains the failure.
 */
final class LoadWatch implements AutoCloseable {
    private static final int BTF_MAGIC_BYTES = 2;

    private final ProgramLogBuffers logs;
    private final Map<String, LoadFacts.Program> programs = new LinkedHashMap<>();
    private final Map<String, MapReplay.Before> maps = new LinkedHashMap<>();

    private LoadWatch(Map<String, MemorySegment> mapPointers, Map<String, MemorySegment> programPointers) {
        Map<String, MemorySegment> loading = new LinkedHashMap<>();
        programPointers.forEach((name, p) -> {
            if (ProgramLoading.autoload(p)) {
                loading.put(name, p);
                programs.put(name, new LoadFacts.Program(name, LibBpf.programType(p),
                        LibBpf.programSectionName(p)));
            }
        });
        mapPointers.forEach((name, m) -> maps.put(name, MapReplay.before(m)));
        // only the programs libbpf loads can be refused; the others never reach the kernel
        this.logs = ProgramLogBuffers.attach(loading);
    }

    /** Call after the spec is applied and right before the load. */
    static LoadWatch before(Map<String, MemorySegment> mapPointers, Map<String, MemorySegment> programPointers) {
        return new LoadWatch(mapPointers, programPointers);
    }

    /**
     * The facts of the failed load.
     *
     * @param mapSpecs each map as libbpf was to create it, to describe a refused map
     */
    LoadFacts facts(MemorySegment obj, Map<String, MemorySegment> mapPointers, Map<String, MapSpec> mapSpecs,
                    String objectName, int errno, String warnings) {
        Optional<LoadFacts.RejectedProgram> rejected = logs.lastWritten()
                .map(w -> new LoadFacts.RejectedProgram(programs.get(w.getKey()), w.getValue()));
        return new LoadFacts(objectName, errno, warnings, rejected, () -> replayMaps(obj, mapPointers, mapSpecs),
                new ArrayList<>(programs.values()), Machine.running().kernelBtf(BTF_MAGIC_BYTES).isPresent());
    }

    /** libbpf's map steps again, in its order, up to the first the kernel refuses. */
    private Optional<LoadFacts.RefusedMap> replayMaps(MemorySegment obj, Map<String, MemorySegment> mapPointers,
                                                      Map<String, MapSpec> mapSpecs) {
        int btfFd = MapReplay.btfFd(obj);
        for (Map.Entry<String, MemorySegment> e : mapPointers.entrySet()) {
            MemorySegment m = e.getValue();
            MapReplay.Creation c = MapReplay.creation(m, maps.get(e.getKey())).sized(Kernel.possibleCpus());
            if (!MapReplay.autocreate(m) || !c.replayable()) {
                continue;
            }
            Optional<MapReplay.Refusal> refusal = MapReplay.refusal(c, LibBpf.mapPinPath(m), btfFd);
            if (refusal.isPresent()) {
                return Optional.of(new LoadFacts.RefusedMap(mapSpecs.get(e.getKey()), refusal.get().errno(),
                        refusal.get().reason()));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        logs.close();
    }
}
