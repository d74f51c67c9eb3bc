package org.ebpfj.kernel.error;

/** A map operation failed; carries the map's name and the errno. */
public abstract sealed class MapException extends BpfException
        permits KeyExistsException, KeyNotFoundException, MapFullException, MapCreateException,
        MapOperationException {

    private final String mapName;

    protected MapException(String mapName, String message, int errno) {
        super(message, errno);
        this.mapName = mapName;
    }

    public String mapName() {
        return mapName;
    }
}
