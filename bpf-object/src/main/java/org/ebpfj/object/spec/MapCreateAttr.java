package org.ebpfj.object.spec;

import java.text.ParseException;
import java.util.Objects;
import java.util.Optional;

import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * The BPF_MAP_CREATE attribute as the kernel receives it: raw unsigned 32-bit values (in longs; map_extra is 64-bit),
 * plus the facts about referenced objects that the kernel would look up (BTF types, the inner map, a STRUCT_OPS
 * value type). Fields the loader never sets (ifindex, token fd, exclusive program hash) are not modelled.
 *
 * @param name                    {@code map_name}, as sent (the kernel rejects 16+ bytes and odd characters)
 * @param shape                   sizes, flags, map_extra and numa_node (read only when {@code BPF_F_NUMA_NODE} is set)
 * @param btfKeyTypeId            {@code btf_key_type_id}; with the value id, decides whether BTF is checked at all
 * @param btf                     the key/value types those ids name; empty: BTF ids are taken as consistent
 * @param innerMap                for map-in-map: the map whose fd is {@code inner_map_fd}; empty means fd 0,
 *                                which is not a map
 * @param structOpsValue          for STRUCT_OPS: what {@code btf_vmlinux_value_type_id} names; empty: unknown
 */
public record MapCreateAttr(
        long typeId,
        MapShape shape,
        String name,
        long btfKeyTypeId,
        long btfValueTypeId,
        long btfVmlinuxValueTypeId,
        Optional<BtfFacts> btf,
        Optional<MapCreateAttr> innerMap,
        Optional<StructOpsValue> structOpsValue) implements ShapedMap {

    public static final long U32_MAX = 0xFFFF_FFFFL;

    public MapCreateAttr {
        requireU32("map_type", typeId);
        requireU32("key_size", shape.keySize());
        requireU32("value_size", shape.valueSize());
        requireU32("max_entries", shape.maxEntries());
        requireU32("map_flags", shape.flags());
        requireU32("numa_node", shape.numaNode());
        requireU32("btf_key_type_id", btfKeyTypeId);
        requireU32("btf_value_type_id", btfValueTypeId);
        requireU32("btf_vmlinux_value_type_id", btfVmlinuxValueTypeId);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(btf, "btf");
        Objects.requireNonNull(innerMap, "innerMap");
        Objects.requireNonNull(structOpsValue, "structOpsValue");
    }

    private static void requireU32(String field, long v) {
        if (v < 0 || v > U32_MAX) {
            throw new IllegalArgumentException(field + " is not an unsigned 32-bit value: " + v);
        }
    }

    public static Builder builder(MapType type) {
        return new Builder(type.id());
    }

    public static Builder builder(long typeId) {
        return new Builder(typeId);
    }

    /** A map of this type and sizes, everything else zero. */
    public static MapCreateAttr of(MapType type, long keySize, long valueSize, long maxEntries) {
        return builder(type).keySize(keySize).valueSize(valueSize).maxEntries(maxEntries).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(typeId).shape(shape);
        b.name = name;
        b.btfKeyTypeId = btfKeyTypeId;
        b.btfValueTypeId = btfValueTypeId;
        b.btfVmlinuxValueTypeId = btfVmlinuxValueTypeId;
        b.btf = btf;
        b.innerMap = innerMap;
        b.structOpsValue = structOpsValue;
        return b;
    }

    public Optional<MapType> type() {
        return MapType.byId(typeId);
    }

    public String typeName() {
        return type().map(Enum::name).orElseGet(() -> "type " + typeId);
    }

    public boolean has(MapFlag f) {
        return hasFlag(f);
    }

    /** Whether the kernel looks at BTF at all: any of the three type ids is set. */
    public boolean sendsBtf() {
        return btfKeyTypeId != 0 || btfValueTypeId != 0 || btfVmlinuxValueTypeId != 0;
    }

    /** The same attribute with every BTF id cleared, as libbpf retries after a BTF-related failure. */
    public MapCreateAttr withoutBtf() {
        return toBuilder().btfKeyTypeId(0).btfValueTypeId(0).btf(null).build();
    }

    /**
     * Parses the line format of the CLI's {@code predict} command and the kernel probes:
     * {@code TYPE KEY VALUE MAX FLAGS [MAP_EXTRA] [numa=N] [name=S] [inner=TYPE:KEY:VALUE:MAX:FLAGS] [btf[=FIELDS]]
     * [struct_ops=NAME:SIZE]}. TYPE is a name ({@code hash}, {@code BPF_MAP_TYPE_HASH}) or a number; FLAGS a
     * number or names joined by {@code |} ({@code NO_PREALLOC|NUMA_NODE}); numbers may be hex ({@code 0x...}).
     * {@code btf} gives BTF key and value types matching the sizes (an int key of 1, 2, 4 or 8 bytes, else a
     * struct; no key type when key_size is 0), {@code btf=spin_lock,timer} adds special fields to the value;
     * {@code struct_ops=tcp_congestion_ops:256} names a registered STRUCT_OPS value type and its size
     * ({@code NAME:-} for an unregistered one).
     */
    public static MapCreateAttr parse(String line) throws ParseException {
        return MapCreateAttrParser.parse(line);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(lineType()).append(' ').append(keySize()).append(' ').append(valueSize()).append(' ')
                .append(maxEntries()).append(' ').append(MapFlag.describe(flags()));
        if (mapExtra() != 0) {
            sb.append(" 0x").append(Long.toHexString(mapExtra()));
        }
        if (has(MapFlag.NUMA_NODE)) {
            sb.append(" numa=").append(numaNode());
        }
        if (!name.isEmpty()) {
            sb.append(" name=").append(name);
        }
        innerMap.ifPresent(i -> sb.append(" inner=").append(i.lineType()).append(':').append(i.keySize()).append(':')
                .append(i.valueSize()).append(':').append(i.maxEntries()).append(':').append(i.flags()));
        return sb.toString();
    }

    /** The type as the line format writes it: its name, or the number of a type this library does not know. */
    private String lineType() {
        return type().map(Enum::name).orElse(Long.toString(typeId));
    }

    /** Builds attributes; unset fields are zero, as in a zeroed {@code union bpf_attr}. */
    public static final class Builder extends MapShapeBuilder<Builder> {
        private final long typeId;
        private String name = "";
        private long btfKeyTypeId;
        private long btfValueTypeId;
        private long btfVmlinuxValueTypeId;
        private Optional<BtfFacts> btf = Optional.empty();
        private Optional<MapCreateAttr> innerMap = Optional.empty();
        private Optional<StructOpsValue> structOpsValue = Optional.empty();

        private Builder(long typeId) {
            this.typeId = typeId;
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder btfKeyTypeId(long v) {
            btfKeyTypeId = v;
            return this;
        }

        public Builder btfValueTypeId(long v) {
            btfValueTypeId = v;
            return this;
        }

        public Builder btfVmlinuxValueTypeId(long v) {
            btfVmlinuxValueTypeId = v;
            return this;
        }

        /** The facts about the types the BTF ids name; null clears them. */
        public Builder btf(BtfFacts v) {
            btf = Optional.ofNullable(v);
            return this;
        }

        /** Sets BTF facts and non-zero type ids for them (key id 0 when the key shape is VOID). */
        public Builder withBtf(BtfFacts v) {
            btf = Optional.of(v);
            btfKeyTypeId = v.keyShape() == BtfFacts.KeyShape.VOID ? 0 : 1;
            btfValueTypeId = 2;
            return this;
        }

        public Builder innerMap(MapCreateAttr v) {
            innerMap = Optional.ofNullable(v);
            return this;
        }

        public Builder structOpsValue(StructOpsValue v) {
            structOpsValue = Optional.ofNullable(v);
            return this;
        }

        public MapCreateAttr build() {
            return new MapCreateAttr(typeId, builtShape(), name, btfKeyTypeId, btfValueTypeId, btfVmlinuxValueTypeId,
                    btf, innerMap, structOpsValue);
        }
    }
}
