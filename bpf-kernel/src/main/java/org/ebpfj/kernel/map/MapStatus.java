package org.ebpfj.kernel.map;

import static org.ebpfj.kernel.internal.sys.Errnos.ENOENT;

import java.util.function.Supplier;

import org.ebpfj.kernel.error.MapErrors;
import org.ebpfj.kernel.internal.sys.BpfCommand;

/**
 * What the status of a single-element command ({@code 0} or {@code -errno}) answers, the one rule {@link RawMap}
 * and every view follow: ENOENT means the key is absent, an answer and not an error; any other errno is a failure,
 * as the typed exception {@link MapErrors} chooses for the map.
 */
final class MapStatus {
    private MapStatus() {
    }

    /** A lookup's (or GET_NEXT_KEY's) status: true found, false absent. */
    static boolean found(MapInfo map, int status, BpfCommand command) {
        if (status == 0 || status == -ENOENT) {
            return status == 0;
        }
        throw MapErrors.other(map, command.uapiName(), -status, "");
    }

    /** An update's status: returns on 0; any errno is the typed exception ({@code key} describes the key). */
    static void updated(MapInfo map, int status, UpdateFlag flag, Supplier<String> key) {
        if (status != 0) {
            throw MapErrors.update(map, -status, flag, key.get());
        }
    }

    /** A delete's status: true deleted, false absent; {@code key} describes the key for the exception. */
    static boolean deleted(MapInfo map, int status, Supplier<String> key) {
        if (status == 0 || status == -ENOENT) {
            return status == 0;
        }
        throw MapErrors.delete(map, -status, key.get());
    }
}
