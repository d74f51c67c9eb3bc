package org.ebpfj.kernel.event;

/** A record in an event buffer that the reader cannot decode as asked (e.g. shorter than the event type). */
public final class EventFormatException extends RuntimeException {
    public EventFormatException(String mapName, String problem) {
        super("map '" + mapName + "': " + problem);
    }
}
