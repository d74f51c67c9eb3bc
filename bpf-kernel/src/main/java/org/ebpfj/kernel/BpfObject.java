package org.ebpfj.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.kernel.error.LoadErrors;
import org.ebpfj.kernel.error.MapOperationException;
import org.ebpfj.kernel.error.ObjectLoadException;
import org.ebpfj.kernel.error.UnsupportedFeatureException;
import org.ebpfj.kernel.internal.Owner;
import org.ebpfj.kernel.internal.sys.LibBpf;
import org.ebpfj.kernel.internal.sys.LibbpfPrint;
import org.ebpfj.kernel.internal.sys.LoadLog;
import org.ebpfj.kernel.internal.sys.OpenOpts;
import org.ebpfj.kernel.internal.sys.Scratch;
import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.IntIntMap;
import org.ebpfj.kernel.map.IntLongMap;
import org.ebpfj.kernel.map.LongLongMap;
import org.ebpfj.kernel.map.PerCpuMap;
import org.ebpfj.kernel.map.QueueMap;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.program.AttachReport;
import org.ebpfj.kernel.program.AutoAttach;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.spec.LibbpfNames;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;

/**
 * A BPF object loaded into the kernel with libbpf: its maps are created and its programs verified and loaded.
 * Closing it detaches its links and releases every map and program it created (unless pinned).
 *
 * <p>Loading captures libbpf's messages for this load only, even when other threads load at the same time, and
 * turns a failure into the exception for the map or program at fault ({@link MapCreateException},
 * {@link VerifierException}, {@link PermissionException}, ...).
 *
 * <p>Handles to maps, programs and variables stay usable until the object is closed; afterwards they throw
 * {@link IllegalStateException}. Safe for use from several threads.
 */
public final class BpfObject implements AutoCloseable {
    private final String name;
    private final Arena arena;
    private final MemorySegment obj;
    private final Map<String, MemorySegment> mapPointers;
    private final Map<String, MemorySegment> programPointers;
    private final Optional<Btf> btf;
    private final Optional<ObjectSpec> spec;
    private final Optional<String> specProblem;
    private final Map<String, MapSpec> mapSpecs;
    private final List<LibbpfMessage> log;
    private final Map<String, RawMap> maps = new ConcurrentHashMap<>();
    private final Map<String, BpfProgram> programs = new ConcurrentHashMap<>();
    /** Global-data maps mapped into this process (by map name), unmapped on close. */
    private final Map<String, MemorySegment> mappedSections = new ConcurrentHashMap<>();
    private final Owner owner;

    private BpfObject(String name, Arena arena, MemorySegment obj, Map<String, MemorySegment> mapPointers,
                      Map<String, MemorySegment> programPointers, Optional<Btf> btf, ObjectReading.OfflineRead offline,
                      Map<String, MapSpec> mapSpecs, List<LibbpfMessage> log) {
        this.name = name;
        this.arena = arena;
        this.obj = obj;
        this.mapPointers = mapPointers;
        this.programPointers = programPointers;
        this.btf = btf;
        this.spec = offline.spec();
        this.specProblem = offline.problem();
        this.mapSpecs = mapSpecs;
        this.log = log;
        this.owner = new Owner("object '" + name + "'");
    }

    // ---- loading --------------------------------------------------------------------------------------------

    public static BpfObject load(Path file) {
        return load(file, LoadOptions.defaults());
    }

    public static BpfObject load(Path file, LoadOptions options) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BPF object " + file, e);
        }
        return load(bytes, LibbpfNames.objectName(file.getFileName().toString()), options);
    }

    /** Loads a classpath resource, e.g. {@code "/bpf/probe.bpf.o"}, through this class's loader. */
    public static BpfObject loadResource(String resource) {
        return loadResource(BpfObject.class, resource, LoadOptions.defaults());
    }

    /** Loads a resource relative to {@code anchor} (use a class of the module or test that holds the object). */
    public static BpfObject loadResource(Class<?> anchor, String resource, LoadOptions options) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource '" + resource + "' next to " + anchor.getName());
            }
            String file = resource.substring(resource.lastIndexOf('/') + 1);
            return load(in.readAllBytes(), LibbpfNames.objectName(file), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    /**
     * Opens and loads an object from its ELF bytes.
     *
     * @param name the object's name (libbpf derives global-data map names from it), unless options set one
     */
    @SuppressWarnings("try")
    public static BpfObject load(byte[] bytes, String name, LoadOptions options) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(options, "options");
        String objectName = options.objectName().orElse(name);
        ObjectReading.OfflineRead offline = ObjectReading.readSpec(options, objectName, bytes);
        LoadLog loadLog = new LoadLog();
        Arena arena = Arena.ofShared();
        MemorySegment obj = MemorySegment.NULL;
        boolean loaded = false;
        try (LibbpfPrint.Scope ignored = LibbpfPrint.capture(loadLog)) {
            MemorySegment state = Scratch.get().state;
            obj = OpenOpts.openMem(state, bytes, objectName, options.pinRoot().map(Path::toString), arena);
            if (obj.equals(MemorySegment.NULL)) {
                throw new ObjectLoadException(objectName, "open", org.ebpfj.kernel.internal.sys.CallState.errno(state),
                        loadLog.warnings());
            }
            Map<String, MemorySegment> mapPointers = ObjectReading.mapPointers(obj);
            Map<String, MemorySegment> programPointers = ObjectReading.programPointers(obj);
            Optional<Btf> btf = ObjectReading.readBtf(obj, objectName);
            ObjectSetup.apply(options, objectName, mapPointers, programPointers, btf);
            ensureBpffsForPins(mapPointers);
            Map<String, MapSpec> mapSpecs = ObjectReading.mapSpecs(mapPointers, offline.spec(), btf, objectName);
            Map<String, Integer> programTypes = new LinkedHashMap<>();
            programPointers.forEach((n, p) -> programTypes.put(n, LibBpf.programType(p)));

            int r = LibBpf.objectLoad(obj);
            if (r < 0) {
                throw LoadErrors.interpret(objectName, -r, loadLog, mapSpecs, programTypes);
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

    // ---- maps -----------------------------------------------------------------------------------------------

    public String name() {
        return name;
    }

    /** Map names as libbpf reports them (global-data maps look like {@code overflow.bss}). */
    public List<String> mapNames() {
        return List.copyOf(mapPointers.keySet());
    }

    /** The byte-level handle of a map; the object owns it. */
    public RawMap rawMap(String mapName) {
        checkOpen();
        return maps.computeIfAbsent(mapName, n -> {
            MemorySegment m = mapPointers.get(n);
            if (m == null) {
                throw new IllegalArgumentException("object '" + name + "' has no map '" + n + "'; it has "
                        + mapNames());
            }
            return RawMap.ofObject(LibBpf.mapFd(m), mapSpecs.get(n), owner);
        });
    }

    /** A typed handle, with codecs chosen for the classes (records are laid out from the map's BTF types). */
    public <K, V> BpfMap<K, V> map(String mapName, Class<K> keyClass, Class<V> valueClass) {
        return rawMap(mapName).typed(keyClass, valueClass);
    }

    public <K, V> BpfMap<K, V> map(String mapName, MapCodec<K> keyCodec, MapCodec<V> valueCodec) {
        return rawMap(mapName).typed(keyCodec, valueCodec);
    }

    public <K, V> PerCpuMap<K, V> perCpuMap(String mapName, Class<K> keyClass, Class<V> valueClass) {
        return rawMap(mapName).perCpu(keyClass, valueClass);
    }

    public <V> QueueMap<V> queue(String mapName, Class<V> valueClass) {
        return rawMap(mapName).queue(valueClass);
    }

    public IntIntMap intIntMap(String mapName) {
        return rawMap(mapName).intInt();
    }

    public IntLongMap intLongMap(String mapName) {
        return rawMap(mapName).intLong();
    }

    public LongLongMap longLongMap(String mapName) {
        return rawMap(mapName).longLong();
    }

    // ---- programs and variables -----------------------------------------------------------------------------

    public List<String> programNames() {
        return List.copyOf(programPointers.keySet());
    }

    public BpfProgram program(String programName) {
        checkOpen();
        return programs.computeIfAbsent(programName, n -> {
            MemorySegment p = programPointers.get(n);
            if (p == null) {
                throw new IllegalArgumentException("object '" + name + "' has no program '" + n + "'; it has "
                        + programNames());
            }
            return new BpfProgram(owner, p, n);
        });
    }

    public List<BpfProgram> programs() {
        return programNames().stream().map(this::program).toList();
    }

    /**
     * Attaches every loaded program by its section name, as libbpf's skeletons do. Programs libbpf cannot attach
     * from the section alone (e.g. {@code xdp}, which needs an interface), programs not loaded, and kinds a probed
     * {@link MachineLimit} excuses are left, each with the reason, in the report. Any other refusal closes the
     * links made so far and throws. The links also close with the object.
     */
    public AttachReport attachAll() {
        checkOpen();
        return AutoAttach.all(programs());
    }

    /**
     * A global variable of the object ({@code .data}, {@code .bss}, {@code .rodata}), by its C name. Reads and
     * writes go to the kernel's map through a shared memory mapping (global-data maps are created mmap-able).
     */
    public GlobalVariable variable(String variableName) {
        checkOpen();
        Btf b = btf.orElseThrow(() -> new IllegalStateException("object '" + name
                + "' has no BTF, so its global variables cannot be found by name"));
        for (Map.Entry<String, MemorySegment> e : mapPointers.entrySet()) {
            MemorySegment m = e.getValue();
            if (!LibBpf.mapIsInternal(m)) {
                continue;
            }
            Optional<GlobalVariable.Place> place = GlobalVariable.find(b, LibBpf.mapBtfValueTypeId(m), variableName);
            if (place.isPresent()) {
                MemorySegment data = mappedSections.computeIfAbsent(e.getKey(), n -> mapSection(n, m, place.get()));
                return new GlobalVariable(variableName, e.getKey(), place.get(), data, this, b);
            }
        }
        throw new IllegalArgumentException("object '" + name + "' has no global variable '" + variableName + "'");
    }

    /*
     * libbpf 1.1 maps a global-data map's memory onto the kernel map only when loading through a skeleton; a plain
     * bpf_object__load leaves libbpf's copy of the initial values. So the map is mapped here, from its fd.
     */
    private MemorySegment mapSection(String mapName, MemorySegment map, GlobalVariable.Place place) {
        if ((LibBpf.mapFlags(map) & org.ebpfj.object.uapi.MapFlag.MMAPABLE.mask()) == 0) {
            throw new UnsupportedFeatureException("memory-mapped global data (map '" + mapName + "')", 0,
                    "the map was created without BPF_F_MMAPABLE (Linux 5.5+)");
        }
        long size = pageAlign(LibBpf.mapValueSize(map));
        int prot = place.section().startsWith(".rodata") ? org.ebpfj.kernel.internal.sys.Libc.PROT_READ
                : org.ebpfj.kernel.internal.sys.Libc.PROT_READ | org.ebpfj.kernel.internal.sys.Libc.PROT_WRITE;
        MemorySegment state = Scratch.get().state;
        MemorySegment data = org.ebpfj.kernel.internal.sys.Libc.mmapShared(state, LibBpf.mapFd(map), size, prot, arena);
        if (data.equals(MemorySegment.NULL)) {
            throw new MapOperationException(mapName, "mmap", org.ebpfj.kernel.internal.sys.CallState.errno(state), "");
        }
        return data;
    }

    private static long pageAlign(long n) {
        return (n + 4095) & ~4095L;
    }

    /** Where libbpf pinned a map ({@code pinning = LIBBPF_PIN_BY_NAME}), or empty for maps it does not pin. */
    public Optional<Path> pinPath(String mapName) {
        checkOpen();
        MemorySegment m = mapPointers.get(mapName);
        if (m == null) {
            throw new IllegalArgumentException("object '" + name + "' has no map '" + mapName + "'");
        }
        return LibBpf.mapIsPinned(m) ? Optional.of(Path.of(LibBpf.mapPinPath(m))) : Optional.empty();
    }

    /** The object's BTF, as parsed by bpf-object's reader. */
    public Optional<Btf> btf() {
        return btf;
    }

    /**
     * What the offline reader ({@link LoadOptions#specReader()}, bpf-object's by default) read from the object;
     * empty without a reader or when it refused the object ({@link #specProblem()}).
     */
    public Optional<ObjectSpec> spec() {
        return spec;
    }

    /** Why the offline reader gave no spec although there was one to ask: its error message. */
    public Optional<String> specProblem() {
        return specProblem;
    }

    /** libbpf's messages during open and load (debug messages included). */
    public List<LibbpfMessage> log() {
        return log;
    }

    /**
     * Closes {@code resource} when this object closes, before its maps: event readers and writers register here,
     * so none outlives the maps it reads.
     *
     * @throws IllegalStateException when the object is already closed
     */
    public <R extends AutoCloseable> R closeWithObject(R resource) {
        checkOpen();
        owner.track(Objects.requireNonNull(resource, "resource"));
        return resource;
    }

    /** Forgets a resource given to {@link #closeWithObject} (it was closed on its own). */
    public void forgetOnClose(AutoCloseable resource) {
        owner.untrack(resource);
    }

    void checkOpen() {
        owner.checkOpen();
    }

    /** Detaches links, then closes every map and program of the object. Idempotent. */
    @Override
    public void close() {
        if (!owner.close()) {
            return;
        }
        // The arena first: it invalidates GlobalVariable segments before their memory is unmapped.
        // libbpf no longer reads the object bytes or the open options it holds once the object is open.
        long[][] sections = mappedSections.values().stream()
                .map(m -> new long[] {m.address(), m.byteSize()}).toArray(long[][]::new);
        arena.close();
        MemorySegment state = Scratch.get().state;
        for (long[] s : sections) {
            org.ebpfj.kernel.internal.sys.Libc.munmap(state, s[0], s[1]);
        }
        LibBpf.objectClose(obj);
    }

    @Override
    public String toString() {
        return "BpfObject '" + name + "' (maps " + mapNames() + ", programs " + programNames() + ")";
    }
}
