package org.ebpfj.kernel.map;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

import org.ebpfj.object.uapi.MapType;

/**
 * An {@code ARRAY_OF_MAPS} or {@code HASH_OF_MAPS}: values are maps. An insert takes a map handle (the kernel
 * checks it has the inner template's shape); a lookup answers the inner map's id, opened here as a new handle
 * that the caller closes.
 * <pre>{@code
 * MapOfMaps outer = MapOfMaps.of(obj.rawMap("outer_array"));
 * outer.put(0, obj.rawMap("inner_b"));
 * try (RawMap inner = outer.get(0).orElseThrow()) { ... }
 * }</pre>
 */
public final class MapOfMaps {
    private final RawMap map;

    private MapOfMaps(RawMap map) {
        this.map = map;
    }

    public static MapOfMaps of(RawMap map) {
        MapType t = map.type().orElse(null);
        if (t != MapType.ARRAY_OF_MAPS && t != MapType.HASH_OF_MAPS) {
            throw new IllegalArgumentException("map '" + map.name() + "' is " + (t == null ? "of an unknown type"
                    : t.name()) + ", not an ARRAY_OF_MAPS or HASH_OF_MAPS");
        }
        return new MapOfMaps(map);
    }

    /** Puts {@code inner} under {@code key} (bytes of the outer map's key size). */
    public void put(byte[] key, MapHandle inner) {
        map.update(key, ProgramArray.key(inner.raw().fd()), UpdateFlag.ANY);
    }

    /** Puts {@code inner} under an int key (an ARRAY_OF_MAPS index, or a 4-byte HASH_OF_MAPS key). */
    public void put(int key, MapHandle inner) {
        put(ProgramArray.key(key), inner);
    }

    /** The kernel id of the map under {@code key}, or empty. */
    public Optional<Integer> innerId(byte[] key) {
        return map.lookup(key).map(v -> ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getInt());
    }

    /** The map under {@code key} as a new handle (BPF_MAP_GET_FD_BY_ID), or empty; the caller closes it. */
    public Optional<RawMap> get(byte[] key) {
        return innerId(key).map(RawMap::openById);
    }

    public Optional<RawMap> get(int key) {
        return get(ProgramArray.key(key));
    }

    public boolean remove(int key) {
        return map.delete(ProgramArray.key(key));
    }

    public RawMap raw() {
        return map;
    }
}
