package org.ebpfj.kernel.error;

import static org.ebpfj.kernel.internal.sys.Errnos.EINVAL;
import static org.ebpfj.kernel.internal.sys.Errnos.ENOENT;

import org.ebpfj.kernel.internal.sys.Errnos;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.map.UpdateFlag;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapType;

/**
 * Turns the errno of a failed map command into the exception that says what happened to <em>this</em> map. The
 * same errno means different things per type: E2BIG is "full" for a HASH but "index out of range" for an ARRAY.
 */
public final class MapErrors {
    private MapErrors() {
    }

    public static RuntimeException update(RawMap map, int errno, UpdateFlag flag, String key) {
        String name = map.name();
        MapType type = map.type().orElse(null);
        Errno e = Errnos.of(errno);
        if (e == null) {
            return new MapOperationException(name, "BPF_MAP_UPDATE_ELEM", errno, "");
        }
        switch (e) {
            case EEXIST:
                if (type == MapType.ARRAY || type == MapType.PERCPU_ARRAY) {
                    return new MapOperationException(name, "BPF_MAP_UPDATE_ELEM", errno,
                            "every index of an ARRAY exists, so NOEXIST always fails (key " + key + ")");
                }
                return new KeyExistsException(name, key);
            case ENOENT:
                return new KeyNotFoundException(name, key, "update with " + flag);
            case E2BIG:
                if (type != null && type.isHash()) {
                    return new MapFullException(name, map.info().typeName(), countQuietly(map), map.maxEntries());
                }
                if (type == MapType.QUEUE || type == MapType.STACK) {
                    return new MapFullException(name, map.info().typeName(), map.maxEntries(), map.maxEntries());
                }
                if (type == MapType.ARRAY || type == MapType.PERCPU_ARRAY) {
                    return new MapOperationException(name, "BPF_MAP_UPDATE_ELEM", errno, "index " + key
                            + " is outside the array (max_entries " + map.maxEntries() + ")");
                }
                return new MapOperationException(name, "BPF_MAP_UPDATE_ELEM", errno, "");
            case EPERM:
                return new MapOperationException(name, "BPF_MAP_UPDATE_ELEM", errno,
                        "the map is read-only from user space (frozen, BPF_F_RDONLY, or .rodata after load)");
            case EINVAL:
                return new MapOperationException(name, "BPF_MAP_UPDATE_ELEM", errno, flagHint(type, flag));
            default:
                return new MapOperationException(name, "BPF_MAP_UPDATE_ELEM", errno, "");
        }
    }

    /** {@link RawMap#count()} for error messages: -1 instead of a second failure. */
    private static long countQuietly(RawMap map) {
        try {
            return map.count();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    public static RuntimeException delete(RawMap map, int errno, String key) {
        MapType type = map.type().orElse(null);
        if (errno == ENOENT) {
            return new KeyNotFoundException(map.name(), key, "delete");
        }
        if (errno == EINVAL && type != null && (type == MapType.ARRAY || type == MapType.PERCPU_ARRAY)) {
            return new MapOperationException(map.name(), "BPF_MAP_DELETE_ELEM", errno,
                    "ARRAY elements cannot be deleted; write a zero value instead");
        }
        return new MapOperationException(map.name(), "BPF_MAP_DELETE_ELEM", errno, "");
    }

    public static RuntimeException other(RawMap map, String command, int errno, String hint) {
        return new MapOperationException(map.name(), command, errno, hint);
    }

    private static String flagHint(MapType type, UpdateFlag flag) {
        if (type == MapType.QUEUE || type == MapType.STACK) {
            return "QUEUE/STACK accept ANY, or EXIST to overwrite the oldest element when full";
        }
        return flag == UpdateFlag.ANY ? "" : "flag " + flag + " is not accepted here";
    }
}
