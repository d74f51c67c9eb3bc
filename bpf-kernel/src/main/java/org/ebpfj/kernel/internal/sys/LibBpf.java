package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The libbpf functions this library calls, bound to {@code libbpf.so.1}. Only symbols present in libbpf 1.1
 * (the oldest runtime we support; checked with {@code nm -D}) are used. libbpf 1.x returns {@code -errno} from
 * int functions and NULL with errno set from pointer functions; pointer functions here therefore capture errno and
 * take a {@link CallState} segment. Pointers returned are zero-length segments: callers keep them opaque.
 *
 * <p>Each binding is one {@link Binding} line. The exception is the pair {@code ObjectOpenBenchmark} times against
 * our own parser (open_mem, close): they keep exact call sites, so libbpf's side carries no boxing.
 *
 * <p>Loading this class installs the library's print callback ({@link LibbpfPrint}), so libbpf never writes to the
 * process's stderr on its own.
 */
@SuppressWarnings("restricted")
public final class LibBpf {
    public static final String LIBRARY = "libbpf.so.1";
    private static final SymbolLookup LIB = Native.library(LIBRARY);

    /** A libbpf function: its name, result layout (null for void) and argument layouts. */
    static Binding fn(String name, MemoryLayout result, MemoryLayout... args) {
        return Binding.of(LIB, LIBRARY, name, result, args);
    }

    /** The same for a function that sets errno: the call takes the caller's {@link CallState} segment first. */
    static Binding fnErrno(String name, MemoryLayout result, MemoryLayout... args) {
        return Binding.of(LIB, LIBRARY, name, result, args, CallState.CAPTURE_ERRNO);
    }

    private static final Binding SET_PRINT = fn("libbpf_set_print", ADDRESS, ADDRESS);
    private static final Binding VERSION_STRING = fn("libbpf_version_string", ADDRESS);

    private static final MethodHandle OBJECT_OPEN_MEM = Native.downcall(LIB, LIBRARY, "bpf_object__open_mem",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS), CallState.CAPTURE_ERRNO);
    private static final MethodHandle OBJECT_CLOSE = Native.downcall(LIB, LIBRARY, "bpf_object__close",
            FunctionDescriptor.ofVoid(ADDRESS));
    private static final Binding OBJECT_LOAD = fn("bpf_object__load", JAVA_INT, ADDRESS);
    private static final Binding OBJECT_NAME = fn("bpf_object__name", ADDRESS, ADDRESS);
    private static final Binding OBJECT_NEXT_MAP = fn("bpf_object__next_map", ADDRESS, ADDRESS, ADDRESS);
    private static final Binding OBJECT_NEXT_PROGRAM = fn("bpf_object__next_program", ADDRESS, ADDRESS, ADDRESS);
    private static final Binding OBJECT_BTF = fn("bpf_object__btf", ADDRESS, ADDRESS);
    private static final Binding BTF_RAW_DATA = fn("btf__raw_data", ADDRESS, ADDRESS, ADDRESS);

    private static final Binding MAP_NAME = fn("bpf_map__name", ADDRESS, ADDRESS);
    private static final Binding MAP_FD = fn("bpf_map__fd", JAVA_INT, ADDRESS);
    private static final Binding MAP_TYPE = fn("bpf_map__type", JAVA_INT, ADDRESS);
    private static final Binding MAP_KEY_SIZE = fn("bpf_map__key_size", JAVA_INT, ADDRESS);
    private static final Binding MAP_VALUE_SIZE = fn("bpf_map__value_size", JAVA_INT, ADDRESS);
    private static final Binding MAP_MAX_ENTRIES = fn("bpf_map__max_entries", JAVA_INT, ADDRESS);
    private static final Binding MAP_FLAGS = fn("bpf_map__map_flags", JAVA_INT, ADDRESS);
    private static final Binding MAP_SET_MAX_ENTRIES = fn("bpf_map__set_max_entries", JAVA_INT, ADDRESS, JAVA_INT);
    private static final Binding MAP_SET_VALUE_SIZE = fn("bpf_map__set_value_size", JAVA_INT, ADDRESS, JAVA_INT);
    private static final Binding MAP_SET_KEY_SIZE = fn("bpf_map__set_key_size", JAVA_INT, ADDRESS, JAVA_INT);
    private static final Binding MAP_SET_FLAGS = fn("bpf_map__set_map_flags", JAVA_INT, ADDRESS, JAVA_INT);
    private static final Binding MAP_SET_TYPE = fn("bpf_map__set_type", JAVA_INT, ADDRESS, JAVA_INT);
    private static final Binding MAP_BTF_KEY_TYPE_ID = fn("bpf_map__btf_key_type_id", JAVA_INT, ADDRESS);
    private static final Binding MAP_BTF_VALUE_TYPE_ID = fn("bpf_map__btf_value_type_id", JAVA_INT, ADDRESS);
    private static final Binding MAP_INITIAL_VALUE = fn("bpf_map__initial_value", ADDRESS, ADDRESS, ADDRESS);
    private static final Binding MAP_IS_INTERNAL = fn("bpf_map__is_internal", JAVA_BOOLEAN, ADDRESS);
    private static final Binding MAP_PIN_PATH = fn("bpf_map__pin_path", ADDRESS, ADDRESS);
    private static final Binding MAP_IS_PINNED = fn("bpf_map__is_pinned", JAVA_BOOLEAN, ADDRESS);

    private static final Binding PROGRAM_NAME = fn("bpf_program__name", ADDRESS, ADDRESS);
    private static final Binding PROGRAM_SECTION_NAME = fn("bpf_program__section_name", ADDRESS, ADDRESS);
    private static final Binding PROGRAM_FD = fn("bpf_program__fd", JAVA_INT, ADDRESS);
    private static final Binding PROGRAM_TYPE = fn("bpf_program__type", JAVA_INT, ADDRESS);
    private static final Binding PROGRAM_SET_AUTOLOAD = fn("bpf_program__set_autoload", JAVA_INT, ADDRESS,
            JAVA_BOOLEAN);
    private static final Binding PROGRAM_ATTACH = fnErrno("bpf_program__attach", ADDRESS, ADDRESS);
    private static final Binding PROGRAM_ATTACH_TRACEPOINT = fnErrno("bpf_program__attach_tracepoint", ADDRESS,
            ADDRESS, ADDRESS, ADDRESS);
    private static final Binding LINK_DESTROY = fn("bpf_link__destroy", JAVA_INT, ADDRESS);
    private static final Binding LINK_FD = fn("bpf_link__fd", JAVA_INT, ADDRESS);

    static {
        LibbpfPrint.install(SET_PRINT);
    }

    private LibBpf() {
    }

    /** Makes sure the class is initialised (and so the print callback installed). */
    public static void ensureLoaded() {
        // class initialisation does the work
    }

    public static String versionString() {
        return VERSION_STRING.string();
    }

    /** Reads a NUL-terminated string from a pointer libbpf returned; "" for NULL. */
    public static String string(MemorySegment cString) {
        return Binding.cString(cString);
    }

    /** @return the object, or NULL with errno in {@code state} */
    public static MemorySegment objectOpenMem(MemorySegment state, MemorySegment buf, MemorySegment opts) {
        try {
            return (MemorySegment) OBJECT_OPEN_MEM.invokeExact(state, buf, buf.byteSize(), opts);
        } catch (Throwable t) {
            throw new AssertionError("downcall bpf_object__open_mem failed", t);
        }
    }

    public static void objectClose(MemorySegment obj) {
        try {
            OBJECT_CLOSE.invokeExact(obj);
        } catch (Throwable t) {
            throw new AssertionError("downcall bpf_object__close failed", t);
        }
    }

    /** @return 0 or -errno */
    public static int objectLoad(MemorySegment obj) {
        return OBJECT_LOAD.asInt(obj);
    }

    public static String objectName(MemorySegment obj) {
        return OBJECT_NAME.string(obj);
    }

    /** The map after {@code prev} (NULL for the first); NULL at the end. */
    public static MemorySegment objectNextMap(MemorySegment obj, MemorySegment prev) {
        return OBJECT_NEXT_MAP.pointer(obj, prev);
    }

    public static MemorySegment objectNextProgram(MemorySegment obj, MemorySegment prev) {
        return OBJECT_NEXT_PROGRAM.pointer(obj, prev);
    }

    /** The object's BTF as raw bytes (the {@code .BTF} data after libbpf's fix-ups), or null without BTF. */
    public static byte[] objectBtfBytes(MemorySegment obj) {
        MemorySegment btf = OBJECT_BTF.pointer(obj);
        if (btf.equals(MemorySegment.NULL)) {
            return null;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment size = arena.allocate(JAVA_INT);
            MemorySegment data = BTF_RAW_DATA.pointer(btf, size);
            if (data.equals(MemorySegment.NULL)) {
                return null;
            }
            return data.reinterpret(Integer.toUnsignedLong(size.get(JAVA_INT, 0))).toArray(JAVA_BYTE);
        }
    }

    public static String mapName(MemorySegment map) {
        return MAP_NAME.string(map);
    }

    public static int mapFd(MemorySegment map) {
        return MAP_FD.asInt(map);
    }

    public static int mapType(MemorySegment map) {
        return MAP_TYPE.asInt(map);
    }

    public static long mapKeySize(MemorySegment map) {
        return MAP_KEY_SIZE.asUnsigned(map);
    }

    public static long mapValueSize(MemorySegment map) {
        return MAP_VALUE_SIZE.asUnsigned(map);
    }

    public static long mapMaxEntries(MemorySegment map) {
        return MAP_MAX_ENTRIES.asUnsigned(map);
    }

    public static long mapFlags(MemorySegment map) {
        return MAP_FLAGS.asUnsigned(map);
    }

    /** @return 0 or -errno (-EBUSY once the object is loaded; the same for the other setters) */
    public static int mapSetMaxEntries(MemorySegment map, int maxEntries) {
        return MAP_SET_MAX_ENTRIES.asInt(map, maxEntries);
    }

    public static int mapSetValueSize(MemorySegment map, int size) {
        return MAP_SET_VALUE_SIZE.asInt(map, size);
    }

    public static int mapSetKeySize(MemorySegment map, int size) {
        return MAP_SET_KEY_SIZE.asInt(map, size);
    }

    public static int mapSetFlags(MemorySegment map, int flags) {
        return MAP_SET_FLAGS.asInt(map, flags);
    }

    public static int mapSetType(MemorySegment map, int type) {
        return MAP_SET_TYPE.asInt(map, type);
    }

    public static int mapBtfKeyTypeId(MemorySegment map) {
        return MAP_BTF_KEY_TYPE_ID.asInt(map);
    }

    public static int mapBtfValueTypeId(MemorySegment map) {
        return MAP_BTF_VALUE_TYPE_ID.asInt(map);
    }

    /**
     * The memory libbpf keeps for a global-data map (.data, .bss, .rodata, .kconfig): before load, the initial
     * contents; after load, the map's own mmap-ed memory. NULL for other maps.
     */
    public static MemorySegment mapInitialValue(MemorySegment map, Arena scope) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment size = arena.allocate(JAVA_LONG);
            MemorySegment data = MAP_INITIAL_VALUE.pointer(map, size);
            if (data.equals(MemorySegment.NULL)) {
                return MemorySegment.NULL;
            }
            long n = size.get(JAVA_LONG, 0);
            return scope == null ? data.reinterpret(n) : data.reinterpret(n, scope, null);
        }
    }

    public static boolean mapIsInternal(MemorySegment map) {
        return MAP_IS_INTERNAL.asBoolean(map);
    }

    public static String mapPinPath(MemorySegment map) {
        return MAP_PIN_PATH.string(map);
    }

    public static boolean mapIsPinned(MemorySegment map) {
        return MAP_IS_PINNED.asBoolean(map);
    }

    public static String programName(MemorySegment prog) {
        return PROGRAM_NAME.string(prog);
    }

    public static String programSectionName(MemorySegment prog) {
        return PROGRAM_SECTION_NAME.string(prog);
    }

    public static int programFd(MemorySegment prog) {
        return PROGRAM_FD.asInt(prog);
    }

    public static int programType(MemorySegment prog) {
        return PROGRAM_TYPE.asInt(prog);
    }

    public static int programSetAutoload(MemorySegment prog, boolean autoload) {
        return PROGRAM_SET_AUTOLOAD.asInt(prog, autoload);
    }

    /** Attaches by section name; @return the link, or NULL with errno in {@code state} */
    public static MemorySegment programAttach(MemorySegment state, MemorySegment prog) {
        return PROGRAM_ATTACH.pointer(state, prog);
    }

    public static MemorySegment programAttachTracepoint(MemorySegment state, MemorySegment prog,
                                                        MemorySegment category, MemorySegment name) {
        return PROGRAM_ATTACH_TRACEPOINT.pointer(state, prog, category, name);
    }

    /** Detaches and frees the link; @return 0 or -errno */
    public static int linkDestroy(MemorySegment link) {
        return LINK_DESTROY.asInt(link);
    }

    public static int linkFd(MemorySegment link) {
        return LINK_FD.asInt(link);
    }
}
