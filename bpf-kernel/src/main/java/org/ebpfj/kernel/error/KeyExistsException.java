package org.ebpfj.kernel.error;

/** An update with {@link org.ebpfj.kernel.map.UpdateFlag#NOEXIST} found the key already present (EEXIST). */
public final class KeyExistsException extends MapException {
    public KeyExistsException(String mapName, String key) {
        super(mapName, "map '" + mapName + "': key " + key + " already exists (EEXIST on update with NOEXIST)", 17);
    }
}
