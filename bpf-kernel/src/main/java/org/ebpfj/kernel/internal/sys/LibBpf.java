package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The libbpf functions this library calls, bound to {@code libbpf.so.1}. Only symbols present in libbpf 1.1
 * (the oldest runtime we support; checked with {@code nm -D}) are used. libbpf 1.x returns {@code -errno} from
 * int functions and NULL with errno set from pointer functions; pointer functions here therefore capture errno and
 * take a {@link CallState} segment. Pointers returned are zero-length segments: callers keep them opaque.
 *
 * <p>Loading this class installs the library's print callback ({@link LibbpfPrint}), so libbpf never writes to the
 * process's stderr on its own.
 */
@SuppressWarnings("restricted")
public final class LibBpf {
    public static final String LIBRARY = "libbpf.so.1";
    private static final SymbolLookup LIB = Native.library(LIBRARY);

    private static MethodHandle fn(String name, FunctionDescriptor fd) {
        return Native.downcall(LIB, LIBRARY, name, fd);
    }

    private static MethodHandle fnErrno(String name, FunctionDescriptor fd) {
        return Native.downcall(LIB, LIBRARY, name, fd, CallState.CAPTURE_ERRNO);
    }

    private static final MethodHandle SET_PRINT = fn("libbpf_set_print", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle VERSION_STRING = fn("libbpf_version_string", FunctionDescriptor.of(ADDRESS));

    private static final MethodHandle OBJECT_OPEN_MEM = fnErrno("bpf_object__open_mem",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    private static final MethodHandle OBJECT_LOAD = fn("bpf_object__load", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle OBJECT_CLOSE = fn("bpf_object__close", FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle OBJECT_NAME = fn("bpf_object__name", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle OBJECT_NEXT_MAP = fn("bpf_object__next_map",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle OBJECT_NEXT_PROGRAM = fn("bpf_object__next_program",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle OBJECT_BTF = fn("bpf_object__btf", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle BTF_RAW_DATA = fn("btf__raw_data",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));

    private static final MethodHandle MAP_NAME = fn("bpf_map__name", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle MAP_FD = fn("bpf_map__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle MAP_TYPE = fn("bpf_map__type", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle MAP_KEY_SIZE = fn("bpf_map__key_size", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle MAP_VALUE_SIZE = fn("bpf_map__value_size",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle MAP_MAX_ENTRIES = fn("bpf_map__max_entries",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle MAP_FLAGS = fn("bpf_map__map_flags", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle MAP_SET_MAX_ENTRIES = fn("bpf_map__set_max_entries",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle MAP_SET_VALUE_SIZE = fn("bpf_map__set_value_size",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle MAP_SET_KEY_SIZE = fn("bpf_map__set_key_size",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle MAP_SET_FLAGS = fn("bpf_map__set_map_flags",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle MAP_SET_TYPE = fn("bpf_map__set_type",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle MAP_BTF_KEY_TYPE_ID = fn("bpf_map__btf_key_type_id",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle MAP_BTF_VALUE_TYPE_ID = fn("bpf_map__btf_value_type_id",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle MAP_INITIAL_VALUE = fn("bpf_map__initial_value",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle MAP_IS_INTERNAL = fn("bpf_map__is_internal",
            FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
    private static final MethodHandle MAP_PIN_PATH = fn("bpf_map__pin_path", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle MAP_IS_PINNED = fn("bpf_map__is_pinned",
            FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));

    private static final MethodHandle PROGRAM_NAME = fn("bpf_program__name", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle PROGRAM_SECTION_NAME = fn("bpf_program__section_name",
            FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle PROGRAM_FD = fn("bpf_program__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle PROGRAM_TYPE = fn("bpf_program__type", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle PROGRAM_SET_AUTOLOAD = fn("bpf_program__set_autoload",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_BOOLEAN));
    private static final MethodHandle PROGRAM_ATTACH = fnErrno("bpf_program__attach",
            FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle PROGRAM_ATTACH_TRACEPOINT = fnErrno("bpf_program__attach_tracepoint",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle LINK_DESTROY = fn("bpf_link__destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle LINK_FD = fn("bpf_link__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));

    static {
        LibbpfPrint.install(SET_PRINT);
    }

    private LibBpf() {
    }

    private static AssertionError failed(Throwable t) {
        return new AssertionError("libbpf downcall failed", t);
    }

    /** Makes sure the class is initialised (and so the print callback installed). */
    public static void ensureLoaded() {
        // class initialisation does the work
    }

    public static String versionString() {
        try {
            return string((MemorySegment) VERSION_STRING.invokeExact());
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** Reads a NUL-terminated string from a pointer libbpf returned; "" for NULL. */
    public static String string(MemorySegment cString) {
        if (cString.equals(MemorySegment.NULL)) {
            return "";
        }
        return cString.reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** @return the object, or NULL with errno in {@code state} */
    public static MemorySegment objectOpenMem(MemorySegment state, MemorySegment buf, MemorySegment opts) {
        try {
            return (MemorySegment) OBJECT_OPEN_MEM.invokeExact(state, buf, buf.byteSize(), opts);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** @return 0 or -errno */
    public static int objectLoad(MemorySegment obj) {
        try {
            return (int) OBJECT_LOAD.invokeExact(obj);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static void objectClose(MemorySegment obj) {
        try {
            OBJECT_CLOSE.invokeExact(obj);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static String objectName(MemorySegment obj) {
        try {
            return string((MemorySegment) OBJECT_NAME.invokeExact(obj));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** The map after {@code prev} (NULL for the first); NULL at the end. */
    public static MemorySegment objectNextMap(MemorySegment obj, MemorySegment prev) {
        try {
            return (MemorySegment) OBJECT_NEXT_MAP.invokeExact(obj, prev);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static MemorySegment objectNextProgram(MemorySegment obj, MemorySegment prev) {
        try {
            return (MemorySegment) OBJECT_NEXT_PROGRAM.invokeExact(obj, prev);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** The object's BTF as raw bytes (the {@code .BTF} data after libbpf's fix-ups), or null without BTF. */
    public static byte[] objectBtfBytes(MemorySegment obj) {
        try {
            MemorySegment btf = (MemorySegment) OBJECT_BTF.invokeExact(obj);
            if (btf.equals(MemorySegment.NULL)) {
                return null;
            }
            try (var arena = java.lang.foreign.Arena.ofConfined()) {
                MemorySegment size = arena.allocate(JAVA_INT);
                MemorySegment data = (MemorySegment) BTF_RAW_DATA.invokeExact(btf, size);
                if (data.equals(MemorySegment.NULL)) {
                    return null;
                }
                int n = size.get(JAVA_INT, 0);
                return data.reinterpret(Integer.toUnsignedLong(n)).toArray(JAVA_BYTE);
            }
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static String mapName(MemorySegment map) {
        try {
            return string((MemorySegment) MAP_NAME.invokeExact(map));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static int mapFd(MemorySegment map) {
        try {
            return (int) MAP_FD.invokeExact(map);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static int mapType(MemorySegment map) {
        try {
            return (int) MAP_TYPE.invokeExact(map);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static long mapKeySize(MemorySegment map) {
        try {
            return Integer.toUnsignedLong((int) MAP_KEY_SIZE.invokeExact(map));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static long mapValueSize(MemorySegment map) {
        try {
            return Integer.toUnsignedLong((int) MAP_VALUE_SIZE.invokeExact(map));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static long mapMaxEntries(MemorySegment map) {
        try {
            return Integer.toUnsignedLong((int) MAP_MAX_ENTRIES.invokeExact(map));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static long mapFlags(MemorySegment map) {
        try {
            return Integer.toUnsignedLong((int) MAP_FLAGS.invokeExact(map));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** @return 0 or -errno (-EBUSY once the object is loaded) */
    public static int mapSetMaxEntries(MemorySegment map, int maxEntries) {
        try {
            return (int) MAP_SET_MAX_ENTRIES.invokeExact(map, maxEntries);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static int mapSetValueSize(MemorySegment map, int size) {
        try {
            return (int) MAP_SET_VALUE_SIZE.invokeExact(map, size);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static int mapSetKeySize(MemorySegment map, int size) {
        try {
            return (int) MAP_SET_KEY_SIZE.invokeExact(map, size);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static int mapSetFlags(MemorySegment map, int flags) {
        try {
            return (int) MAP_SET_FLAGS.invokeExact(map, flags);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static int mapSetType(MemorySegment map, int type) {
        try {
            return (int) MAP_SET_TYPE.invokeExact(map, type);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static int mapBtfKeyTypeId(MemorySegment map) {
        try {
            return (int) MAP_BTF_KEY_TYPE_ID.invokeExact(map);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static int mapBtfValueTypeId(MemorySegment map) {
        try {
            return (int) MAP_BTF_VALUE_TYPE_ID.invokeExact(map);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /**
     * The memory libbpf keeps for a global-data map (.data, .bss, .rodata, .kconfig): before load, the initial
     * contents; after load, the map's own mmap-ed memory. NULL for other maps.
     */
    public static MemorySegment mapInitialValue(MemorySegment map, java.lang.foreign.Arena scope) {
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment size = arena.allocate(JAVA_LONG);
            MemorySegment data = (MemorySegment) MAP_INITIAL_VALUE.invokeExact(map, size);
            if (data.equals(MemorySegment.NULL)) {
                return MemorySegment.NULL;
            }
            long n = size.get(JAVA_LONG, 0);
            return scope == null ? data.reinterpret(n) : data.reinterpret(n, scope, null);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static boolean mapIsInternal(MemorySegment map) {
        try {
            return (boolean) MAP_IS_INTERNAL.invokeExact(map);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static String mapPinPath(MemorySegment map) {
        try {
            return string((MemorySegment) MAP_PIN_PATH.invokeExact(map));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static boolean mapIsPinned(MemorySegment map) {
        try {
            return (boolean) MAP_IS_PINNED.invokeExact(map);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static String programName(MemorySegment prog) {
        try {
            return string((MemorySegment) PROGRAM_NAME.invokeExact(prog));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static String programSectionName(MemorySegment prog) {
        try {
            return string((MemorySegment) PROGRAM_SECTION_NAME.invokeExact(prog));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static int programFd(MemorySegment prog) {
        try {
            return (int) PROGRAM_FD.invokeExact(prog);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static int programType(MemorySegment prog) {
        try {
            return (int) PROGRAM_TYPE.invokeExact(prog);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static int programSetAutoload(MemorySegment prog, boolean autoload) {
        try {
            return (int) PROGRAM_SET_AUTOLOAD.invokeExact(prog, autoload);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** Attaches by section name; @return the link, or NULL with errno in {@code state} */
    public static MemorySegment programAttach(MemorySegment state, MemorySegment prog) {
        try {
            return (MemorySegment) PROGRAM_ATTACH.invokeExact(state, prog);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static MemorySegment programAttachTracepoint(MemorySegment state, MemorySegment prog,
                                                        MemorySegment category, MemorySegment name) {
        try {
            return (MemorySegment) PROGRAM_ATTACH_TRACEPOINT.invokeExact(state, prog, category, name);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** Detaches and frees the link; @return 0 or -errno */
    public static int linkDestroy(MemorySegment link) {
        try {
            return (int) LINK_DESTROY.invokeExact(link);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    public static int linkFd(MemorySegment link) {
        try {
            return (int) LINK_FD.invokeExact(link);
        } catch (Throwable t) {
            throw failed(t);
        }
    }
}
