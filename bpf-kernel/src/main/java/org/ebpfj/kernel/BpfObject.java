package org.ebpfj.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.kernel.error.MapOperationException;
import org.ebpfj.kernel.error.UnsupportedFeatureException;
import org.ebpfj.kernel.internal.Owner;
import org.ebpfj.kernel.internal.sys.LibBpf;
import org.ebpfj.kernel.internal.sys.Scratch;
import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.program.AttachReport;
import org.ebpfj.kernel.program.AutoAttach;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.spec.LibbpfNames;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.ObjectSpecReader;
import org.ebpfj.object.spec.VariableSpec;
import org.ebpfj.object.ObjectFormatException;

/**
 * A BPF object loaded into the kernel with libbpf: its maps are created and its programs verified and loaded.
 * Closing it detaches its links and releases every map and program it created (unless pinned).
 *
 * <p>Loading captures libbpf's messages for this load only, even when other threads load at the same time, and
 * turns a failure into the exception for the map or program at fault
 * ({@link org.ebpfj.kernel.error.MapCreateException}, {@link org.ebpfj.kernel.error.VerifierException},
 * {@link org.ebpfj.kernel.error.PermissionException}, ...).
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

    BpfObject(String name, Arena arena, MemorySegment obj, Map<String, MemorySegment> mapPointers,
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

    /** Loads an object as compiled. */
    public static BpfObject load(Path file) {
        return load(file, LoadOptions.defaults());
    }

    public static BpfObject load(Path file, LoadOptions options) {
        return load(readFile(file), LibbpfNames.objectName(file.getFileName().toString()), options);
    }

    /**
     * Loads an object as {@code spec} describes it: a copy of {@link #readSpec} with edited maps, variables or
     * programs ({@link ObjectSpec#withMaxEntries}, {@link ObjectSpec#withVariableValue},
     * {@link ObjectSpec#withAutoload}). The spec names the object ({@link ObjectSpec#name()}).
     */
    public static BpfObject load(Path file, ObjectSpec spec) {
        return load(readFile(file), spec, LoadOptions.defaults());
    }

    /**
     * Loads the object's ELF bytes as {@code spec} describes them. libbpf still opens the bytes and relocates
     * the programs; every field where the spec differs from what libbpf read is set with libbpf's setter before
     * the load. {@code options.specReader()} is not used: the spec is given.
     *
     * @throws IllegalArgumentException when the spec names a map, program or variable libbpf did not find
     */
    public static BpfObject load(byte[] bytes, ObjectSpec spec, LoadOptions options) {
        Objects.requireNonNull(spec, "spec");
        return ObjectLoading.load(bytes, spec.name(), new ObjectReading.OfflineRead(Optional.of(spec),
                Optional.empty()), true, options);
    }

    /**
     * Opens and loads an object from its ELF bytes as compiled.
     *
     * @param name the object's name (libbpf derives global-data map names from it)
     */
    public static BpfObject load(byte[] bytes, String name, LoadOptions options) {
        return ObjectLoading.load(bytes, name, ObjectReading.readSpec(options, name, bytes), false, options);
    }

    /** Loads a classpath resource, e.g. {@code "/bpf/probe.bpf.o"}, through this class's loader. */
    public static BpfObject loadResource(String resource) {
        return loadResource(BpfObject.class, resource, LoadOptions.defaults());
    }

    /** Loads a resource relative to {@code anchor} (use a class of the module or test that holds the object). */
    public static BpfObject loadResource(Class<?> anchor, String resource, LoadOptions options) {
        return load(resourceBytes(anchor, resource), LibbpfNames.objectName(fileName(resource)), options);
    }

    /**
     * The spec of an object's bytes, as bpf-object reads it, to edit and hand to
     * {@link #load(byte[], ObjectSpec, LoadOptions)}.
     *
     * @param file the file name (the object is named after it, up to its first dot)
     * @throws IllegalArgumentException when the reader refuses the object
     */
    public static ObjectSpec readSpec(byte[] bytes, String file) {
        try {
            return ObjectSpecReader.read(bytes, fileName(file));
        } catch (ObjectFormatException e) {
            throw new IllegalArgumentException("cannot read BPF object " + file + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of a resource relative to {@code anchor}. */
    public static byte[] resourceBytes(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource '" + resource + "' next to " + anchor.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BPF object " + file, e);
        }
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    // ---- maps -----------------------------------------------------------------------------------------------

    public String name() {
        return name;
    }

    /** Map names as libbpf reports them (global-data maps look like {@code overflow.bss}). */
    public List<String> mapNames() {
        return List.copyOf(mapPointers.keySet());
    }

    /**
     * The byte-level handle of a map; the object owns it. Every other kind of handle is a view of it:
     * {@code rawMap(name).as(IntLongMap.class)}, {@code .perCpu(Integer.class, Long.class)}, {@code .queue(...)}.
     */
    public RawMap rawMap(String mapName) {
        checkOpen();
        return maps.computeIfAbsent(mapName, n -> RawMap.ofObject(LibBpf.mapFd(pointer(mapPointers, "map", n)),
                mapSpecs.get(n), owner));
    }

    /** A typed handle, with codecs chosen for the classes (records are laid out from the map's BTF types). */
    public <K, V> BpfMap<K, V> map(String mapName, Class<K> keyClass, Class<V> valueClass) {
        return rawMap(mapName).typed(keyClass, valueClass);
    }

    public <K, V> BpfMap<K, V> map(String mapName, MapCodec<K> keyCodec, MapCodec<V> valueCodec) {
        return rawMap(mapName).typed(keyCodec, valueCodec);
    }

    // ---- programs and variables -----------------------------------------------------------------------------

    public List<String> programNames() {
        return List.copyOf(programPointers.keySet());
    }

    public BpfProgram program(String programName) {
        checkOpen();
        return programs.computeIfAbsent(programName, n -> new BpfProgram(owner, pointer(programPointers, "program",
                n), n));
    }

    /** libbpf's pointer to a map or program of this object, or an error that lists what the object has. */
    private MemorySegment pointer(Map<String, MemorySegment> pointers, String kind, String itemName) {
        MemorySegment p = pointers.get(itemName);
        if (p == null) {
            throw new IllegalArgumentException("object '" + name + "' has no " + kind + " '" + itemName
                    + "'; it has " + List.copyOf(pointers.keySet()));
        }
        return p;
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
     * A global variable of the object ({@code .data}, {@code .rodata}, {@code .bss}, {@code .kconfig}), by its C
     * name, as the object's spec lists it ({@link ObjectSpec#variables()}). Reads and writes go to the kernel's map
     * through a shared memory mapping (global-data maps are created mmap-able).
     */
    public GlobalVariable variable(String variableName) {
        checkOpen();
        ObjectSpec s = spec.orElseThrow(() -> new IllegalStateException("object '" + name + "' was loaded without"
                + " a spec (" + specProblem.orElse("no spec reader") + "), so its global variables are unknown"));
        VariableSpec v = s.variable(variableName).orElseThrow(() -> new IllegalArgumentException("object '" + name
                + "' has no global variable '" + variableName + "'; it has "
                + s.variables().stream().map(VariableSpec::name).toList()));
        MemorySegment m = mapPointers.get(v.mapName());
        if (m == null) {
            throw new IllegalStateException("libbpf made no map '" + v.mapName() + "' for variable " + v);
        }
        MemorySegment data = mappedSections.computeIfAbsent(v.mapName(), n -> mapSection(n, m, v.isReadOnly()));
        return new GlobalVariable(v, data, this);
    }

    /*
     * libbpf 1.1 maps a global-data map's memory onto the kernel map only when loading through a skeleton; a plain
     * bpf_object__load leaves libbpf's copy of the initial values. So the map is mapped here, from its fd.
     */
    private MemorySegment mapSection(String mapName, MemorySegment map, boolean readOnly) {
        if ((LibBpf.mapFlags(map) & org.ebpfj.object.uapi.MapFlag.MMAPABLE.mask()) == 0) {
            throw new UnsupportedFeatureException("memory-mapped global data (map '" + mapName + "')", 0,
                    "the map was created without BPF_F_MMAPABLE (Linux 5.5+)");
        }
        long size = pageAlign(LibBpf.mapValueSize(map));
        int prot = readOnly ? org.ebpfj.kernel.internal.sys.Libc.PROT_READ
                : org.ebpfj.kernel.internal.sys.Libc.PROT_READ | org.ebpfj.kernel.internal.sys.Libc.PROT_WRITE;
        MemorySegment state = Scratch.get().state;
        MemorySegment data = org.ebpfj.kernel.internal.sys.Libc.mmapShared(state, LibBpf.mapFd(map), size, prot, arena);
        if (data.equals(MemorySegment.NULL)) {
            throw new MapOperationException(mapName, "mmap", org.ebpfj.kernel.internal.sys.CallState.errno(state), "");
        }
        return data;
    }

    private static long pageAlign(long n) {
        long page = Kernel.pageSize();
        return (n + page - 1) / page * page;
    }

    /** Where libbpf pinned a map ({@code pinning = LIBBPF_PIN_BY_NAME}), or empty for maps it does not pin. */
    public Optional<Path> pinPath(String mapName) {
        checkOpen();
        MemorySegment m = pointer(mapPointers, "map", mapName);
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
