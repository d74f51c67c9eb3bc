package org.ebpfj.kernel.error;

import org.ebpfj.kernel.internal.sys.Errnos;
import org.ebpfj.kernel.map.MapInfo;
import org.ebpfj.kernel.map.UpdateFlag;
import org.ebpfj.kernel.map.UpdateResult;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapType;

/**
 * The one table of what an errno of a failed map command means for <em>this</em> map: (map type, command, errno)
 * in, the typed exception or the expected refusal out. The same errno means different things per type: E2BIG is
 * "full" for a HASH but "index out of range" for an ARRAY. It works from the kernel's facts about the map
 * ({@link MapInfo}), never from a live handle, so building an exception issues no further command.
 */
public final class MapErrors {
    static final String UPDATE = "BPF_MAP_UPDATE_ELEM";

    private MapErrors() {
    }

    /**
     * The refusal an update's errno stands for when it is one the caller can expect (the key exists under NOEXIST,
     * is absent under EXIST, the map is full); null when the errno is a failure.
     */
    public static UpdateResult refusal(MapInfo map, int errno) {
        MapType type = map.type().orElse(null);
        if (errno == Errnos.EEXIST && !isArray(type)) {
            return UpdateResult.KEY_EXISTS;
        }
        if (errno == Errnos.ENOENT) {
            return UpdateResult.KEY_NOT_FOUND;
        }
        if (errno == Errnos.E2BIG && type != null && (type.isHash() || isQueue(type))) {
            return UpdateResult.MAP_FULL;
        }
        return null;
    }

    /** An update's status ({@code 0} or {@code -errno}) as a result: the expected refusals, or the exception. */
    public static UpdateResult updateResult(MapInfo map, int status, UpdateFlag flag, String key) {
        if (status == 0) {
            return UpdateResult.UPDATED;
        }
        UpdateResult refusal = refusal(map, -status);
        if (refusal != null) {
            return refusal;
        }
        throw update(map, -status, flag, key);
    }

    /** A failed update as an exception: the expected refusals typed, anything else with a hint where one is known. */
    public static RuntimeException update(MapInfo map, int errno, UpdateFlag flag, String key) {
        UpdateResult refusal = refusal(map, errno);
        if (refusal != null) {
            return switch (refusal) {
                case KEY_EXISTS -> new KeyExistsException(map.name(), key);
                case KEY_NOT_FOUND -> new KeyNotFoundException(map.name(), key, "update with " + flag);
                // E2BIG on a new key means the element count reached max_entries: no walk needed to say so
                default -> new MapFullException(map.name(), map.typeName(), map.maxEntries());
            };
        }
        MapType type = map.type().orElse(null);
        Errno e = Errnos.of(errno);
        String hint = "";
        if (e == Errno.EEXIST) {
            hint = "every index of an ARRAY exists, so NOEXIST always fails (key " + key + ")";
        } else if (e == Errno.E2BIG && isArray(type)) {
            hint = "index " + key + " is outside the array (max_entries " + map.maxEntries() + ")";
        } else if (e == Errno.EPERM) {
            hint = "the map is read-only from user space (frozen, BPF_F_RDONLY, or .rodata after load)";
        } else if (e == Errno.EINVAL) {
            hint = isQueue(type) ? "QUEUE/STACK accept ANY, or EXIST to overwrite the oldest element when full"
                    : flag == UpdateFlag.ANY ? "" : "flag " + flag + " is not accepted here";
        }
        return new MapOperationException(map.name(), UPDATE, errno, hint);
    }

    /** A failed delete: an absent key, an ARRAY (whose elements cannot be deleted), or another failure. */
    public static RuntimeException delete(MapInfo map, int errno, String key) {
        if (errno == Errnos.ENOENT) {
            return new KeyNotFoundException(map.name(), key, "delete");
        }
        String hint = errno == Errnos.EINVAL && isArray(map.type().orElse(null))
                ? "ARRAY elements cannot be deleted; write a zero value instead" : "";
        return new MapOperationException(map.name(), "BPF_MAP_DELETE_ELEM", errno, hint);
    }

    /** Any other failed command (lookups, walks, pins): the command, the errno and the caller's hint. */
    public static RuntimeException other(MapInfo map, String command, int errno, String hint) {
        return new MapOperationException(map.name(), command, errno, hint);
    }

    private static boolean isArray(MapType type) {
        return type == MapType.ARRAY || type == MapType.PERCPU_ARRAY;
    }

    private static boolean isQueue(MapType type) {
        return type == MapType.QUEUE || type == MapType.STACK;
    }
}
