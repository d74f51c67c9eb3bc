package org.ebpfj.kernel.map;

import org.ebpfj.kernel.error.MapOperationException;
import org.ebpfj.kernel.internal.sys.MapCommands;
import org.ebpfj.object.spec.MapOrigin;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.OfMapType;
import org.ebpfj.object.uapi.MapFlag;

/**
 * What the kernel says about a live map (BPF_OBJ_GET_INFO_BY_FD): the values it actually uses, after any
 * adjustment at creation (e.g. max_entries rounded up for NO_COMMON_LRU). Sizes are unsigned 32-bit values.
 */
public record MapInfo(int typeId, int id, long keySize, long valueSize, long maxEntries, long flags, String name,
                      int btfId, int btfKeyTypeId, int btfValueTypeId, long mapExtra) implements OfMapType {

    /** The same facts as a spec, e.g. for messages or for creating a similar map. */
    public MapSpec toSpec() {
        return MapSpec.builder(name, typeId).keySize(keySize).valueSize(valueSize).maxEntries(maxEntries)
                .flags(flags).mapExtra(mapExtra).origin(MapOrigin.PROGRAMMATIC).build();
    }

    /**
     * The kernel keeps the first 15 characters of a map's name (BPF_OBJ_NAME_LEN); where it cut {@code fullName},
     * the full name is kept instead, so messages name the map as the object does.
     */
    MapInfo withFullName(String fullName) {
        if (name.equals(fullName) || !fullName.startsWith(name)) {
            return this;
        }
        return new MapInfo(typeId, id, keySize, valueSize, maxEntries, flags, fullName, btfId, btfKeyTypeId,
                btfValueTypeId, mapExtra);
    }

    static MapInfo ofFd(int fd, String fallbackName) {
        MapCommands.Info i = MapCommands.info(fd);
        if (i.errno() != 0) {
            throw new MapOperationException(fallbackName, "BPF_OBJ_GET_INFO_BY_FD", i.errno(), "");
        }
        return new MapInfo(i.type(), i.id(), i.keySize(), i.valueSize(), i.maxEntries(), i.flags(),
                i.name().isEmpty() ? fallbackName : i.name(), i.btfId(), i.btfKeyTypeId(), i.btfValueTypeId(),
                i.mapExtra());
    }

    @Override
    public String toString() {
        return "map '" + name + "' #" + id + " (" + typeName() + ", key " + keySize + ", value " + valueSize
                + ", max_entries " + maxEntries + ", flags " + MapFlag.describe(flags) + ")";
    }
}
