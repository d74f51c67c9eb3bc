package org.ebpfj.kernel.error;

/** An update with {@link org.ebpfj.kernel.map.UpdateFlag#EXIST}, or a delete, found no such key (ENOENT). */
public final class KeyNotFoundException extends MapException {
    public KeyNotFoundException(String mapName, String key, String operation) {
        super(mapName, "map '" + mapName + "': key " + key + " not found (ENOENT on " + operation + ")", 2);
    }
}
