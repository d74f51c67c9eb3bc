package org.ebpfj.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.ebpfj.kernel.error.LoadErrors;
import org.ebpfj.kernel.error.ObjectLoadException;
import org.ebpfj.kernel.internal.sys.CallState;
import org.ebpfj.kernel.internal.sys.LibBpf;
import org.ebpfj.kernel.internal.sys.LibbpfPrint;
import org.ebpfj.kernel.internal.sys.LoadLog;
import org.ebpfj.kernel.internal.sys.OpenOpts;
import org.ebpfj.kernel.internal.sys.Scratch;
import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;

/**
 * The load sequence: libbpf opens the bytes, the caller's spec is applied ({@link SpecApplication}), libbpf
 * creates the maps and loads the programs, and a failure becomes the exception for what failed.
 */
final class ObjectLoading {
    private ObjectLoading() {
    }

    /**
     * @param offline   the spec (or why there is none)
     * @param applySpec whether the spec is the caller's (edited) description to load, rather than a reading kept
     *                  only to explain maps and errors
     */
    @SuppressWarnings("try")
    static BpfObject load(byte[] bytes, String objectName, ObjectReading.OfflineRead offline, boolean applySpec,
                          LoadOptions options) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(options, "options");
        LoadLog loadLog = new LoadLog();
        Arena arena = Arena.ofShared();
        MemorySegment obj = MemorySegment.NULL;
        boolean loaded = false;
        try (LibbpfPrint.Scope ignored = LibbpfPrint.capture(loadLog)) {
            MemorySegment state = Scratch.get().state;
            obj = OpenOpts.openMem(state, bytes, objectName, options.pinRoot().map(Path::toString), arena);
            if (obj.equals(MemorySegment.NULL)) {
                throw new ObjectLoadException(objectName, "open", CallState.errno(state), loadLog.warnings());
            }
            Map<String, MemorySegment> mapPointers = ObjectReading.mapPointers(obj);
            Map<String, MemorySegment> programPointers = ObjectReading.programPointers(obj);
            Optional<Btf> btf = ObjectReading.readBtf(obj, objectName);
            if (applySpec) {
                SpecApplication.apply(offline.spec().orElseThrow(), mapPointers, programPointers);
            }
            ensureBpffsForPins(mapPointers);
            Map<String, MapSpec> mapSpecs = ObjectReading.mapSpecs(mapPointers, offline.spec(), btf, objectName);
            try (LoadWatch watch = LoadWatch.before(mapPointers, programPointers)) {
                int r = LibBpf.objectLoad(obj);
                if (r < 0) {
                    throw LoadErrors.classify(watch.facts(obj, mapPointers, mapSpecs, objectName, -r,
                            loadLog.warnings()));
                }
            }
            // Again after the load: libbpf adjusts some definitions while it creates them (e.g. PERF_EVENT_ARRAY
            // max_entries becomes the number of CPUs).
            BpfObject object = new BpfObject(objectName, arena, obj, mapPointers, programPointers, btf, offline,
                    ObjectReading.mapSpecs(mapPointers, offline.spec(), btf, objectName), loadLog.messages());
            loaded = true;
            return object;
        } finally {
            if (!loaded) {
                if (!obj.equals(MemorySegment.NULL)) {
                    LibBpf.objectClose(obj);
                }
                arena.close();
            }
        }
    }

    /** libbpf pins maps with {@code pinning = LIBBPF_PIN_BY_NAME} at load; pins need bpffs mounted. */
    private static void ensureBpffsForPins(Map<String, MemorySegment> maps) {
        for (MemorySegment m : maps.values()) {
            String pin = LibBpf.mapPinPath(m);
            if (!pin.isEmpty() && Path.of(pin).startsWith(Mounts.BPFFS)) {
                Mounts.ensureBpffs();
                return;
            }
        }
    }
}
