package org.ebpfj.kernel.map;

import static org.ebpfj.kernel.internal.sys.Errnos.ENOENT;

import org.ebpfj.kernel.error.MapErrors;
import org.ebpfj.kernel.internal.sys.BpfCommand;

/**
 * A typed view over one {@link RawMap}: what every view shares (the map underneath, its name and facts, closing).
 * The views only translate between Java values and the map's bytes; the RawMap issues the commands.
 */
public abstract sealed class MapView implements MapHandle permits BpfMap, PerCpuMap, QueueMap, PrimitiveMap {
    final RawMap raw;

    MapView(RawMap raw) {
        this.raw = raw;
    }

    @Override
    public final RawMap raw() {
        return raw;
    }

    @Override
    public final String name() {
        return raw.name();
    }

    @Override
    public final MapInfo info() {
        return raw.info();
    }

    /**
     * A lookup's status ({@code 0} or {@code -errno}) as an answer: found, or absent (ENOENT, an answer and not an
     * error); any other errno is a failure of the command.
     */
    final boolean found(int status, BpfCommand command) {
        if (status == 0 || status == -ENOENT) {
            return status == 0;
        }
        throw MapErrors.other(raw.info(), command.uapiName(), -status, "");
    }

    /** Closes the map when it was created standalone; maps of a loaded object close with the object. */
    @Override
    public final void close() {
        raw.close();
    }
}
