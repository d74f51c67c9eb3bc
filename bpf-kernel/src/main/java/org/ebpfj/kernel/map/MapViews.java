package org.ebpfj.kernel.map;

import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.object.uapi.MapType;

/** Checks shared by the typed views when they are made. */
final class MapViews {
    private MapViews() {
    }

    static void checkCodec(RawMap raw, String what, MapCodec<?> codec, long size) {
        if (codec.size() != size) {
            throw new IllegalArgumentException("map '" + raw.name() + "' (" + raw.info().typeName() + ") has "
                    + what + "_size " + size + ", but the " + what + " codec " + codec.name() + " is "
                    + codec.size() + " bytes");
        }
    }

    static void checkPrimitive(RawMap raw, long keySize, long valueSize, String view) {
        if (raw.isPerCpu() || raw.keySize() != keySize || raw.valueSize() != valueSize) {
            throw new IllegalArgumentException("map '" + raw.name() + "' (" + raw.info().typeName() + ", key "
                    + raw.keySize() + ", value " + raw.valueSize() + ") cannot be viewed as " + view
                    + " (needs key " + keySize + ", value " + valueSize + ", not per-CPU)");
        }
    }

    /** Maps with keys and one value per key (not per-CPU, not QUEUE/STACK): what {@link BpfMap} views. */
    static void requireKeyed(RawMap raw) {
        if (raw.isPerCpu()) {
            throw new IllegalArgumentException("map '" + raw.name() + "' is " + raw.info().typeName()
                    + ": per-CPU maps hold one value per CPU; use perCpu(...)");
        }
        if (raw.keySize() == 0) {
            throw new IllegalArgumentException("map '" + raw.name() + "' (" + raw.info().typeName()
                    + ") has no keys; use queue(...)");
        }
    }

    static void requirePerCpu(RawMap raw) {
        if (!raw.isPerCpu()) {
            throw new IllegalArgumentException("map '" + raw.name() + "' (" + raw.info().typeName()
                    + ") is not a per-CPU map");
        }
    }

    static void requireQueue(RawMap raw) {
        if (!isQueueOrStack(raw)) {
            throw new IllegalArgumentException("map '" + raw.name() + "' (" + raw.info().typeName()
                    + ") is not a QUEUE or STACK");
        }
    }

    static boolean isQueueOrStack(RawMap raw) {
        return raw.type().map(t -> t == MapType.QUEUE || t == MapType.STACK).orElse(false);
    }
}
