package org.ebpfj.kernel;

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

    static boolean isQueueOrStack(RawMap raw) {
        return raw.type().map(t -> t == MapType.QUEUE || t == MapType.STACK).orElse(false);
    }
}
