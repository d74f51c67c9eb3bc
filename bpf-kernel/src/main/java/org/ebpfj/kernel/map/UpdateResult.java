package org.ebpfj.kernel.map;

/**
 * The outcome of {@code tryPut}: the expected refusals of an update as values, so loops that probe a map's limits
 * (fill until full, insert if absent) pay no exception. Anything else still throws.
 */
public enum UpdateResult {
    UPDATED,
    /** EEXIST: {@link UpdateFlag#NOEXIST} and the key is present. */
    KEY_EXISTS,
    /** ENOENT: {@link UpdateFlag#EXIST} and the key is absent. */
    KEY_NOT_FOUND,
    /** E2BIG from a HASH-family map or a QUEUE/STACK: no room for a new element. */
    MAP_FULL;

    public boolean ok() {
        return this == UPDATED;
    }
}
