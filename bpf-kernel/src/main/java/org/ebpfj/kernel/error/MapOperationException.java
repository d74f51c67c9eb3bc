package org.ebpfj.kernel.error;


/** Any other failed map command: names the command, the map and the errno, with a hint where one is known. */
public final class MapOperationException extends MapException {
    private final String operation;

    public MapOperationException(String mapName, String operation, int errno, String hint) {
        super(mapName, "map '" + mapName + "': " + operation + " failed: " + described(errno)
                + (hint.isEmpty() ? "" : ": " + hint), errno);
        this.operation = operation;
    }

    /** The command, e.g. {@code BPF_MAP_DELETE_ELEM}. */
    public String operation() {
        return operation;
    }
}
