package org.ebpfj.kernel.error;

/**
 * A new key did not fit (E2BIG from a HASH-family map, or from a full QUEUE/STACK push without overwrite).
 * The kernel uses E2BIG for this; it does not mean the key was too big.
 */
public final class MapFullException extends MapException {
    private final long entries;
    private final long maxEntries;

    /**
     * @param entries the number of entries when the update failed, or -1 when not counted
     */
    public MapFullException(String mapName, String mapType, long entries, long maxEntries) {
        super(mapName, "map '" + mapName + "' (" + mapType + ") is full ("
                + (entries >= 0 ? entries : "?") + "/" + maxEntries + " entries): E2BIG on insert of a new key", 7);
        this.entries = entries;
        this.maxEntries = maxEntries;
    }

    /** Entries when the insert failed (counted after the failure), or -1 when not counted. */
    public long entries() {
        return entries;
    }

    public long maxEntries() {
        return maxEntries;
    }
}
