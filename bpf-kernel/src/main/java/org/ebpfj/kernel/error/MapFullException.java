package org.ebpfj.kernel.error;

/**
 * A new key did not fit (E2BIG from a HASH-family map, or from a full QUEUE/STACK push without overwrite).
 * The kernel uses E2BIG for this; it does not mean the key was too big.
 */
public final class MapFullException extends MapException {
    private final long maxEntries;

    public MapFullException(String mapName, String mapType, long maxEntries) {
        super(mapName, "map '" + mapName + "' (" + mapType + ") is full (" + maxEntries + "/" + maxEntries
                + " entries): E2BIG on insert of a new key", 7);
        this.maxEntries = maxEntries;
    }

    /**
     * Entries when the insert failed: max_entries, since the kernel refuses a new key with E2BIG only when the
     * map's element count has reached it (the map is not walked to count them).
     */
    public long entries() {
        return maxEntries;
    }

    public long maxEntries() {
        return maxEntries;
    }
}
