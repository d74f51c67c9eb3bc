package org.ebpfj.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;

import org.ebpfj.kernel.codec.Codecs;
import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.spec.TypeRef;

/**
 * A global variable of a loaded object, read and written through the memory libbpf maps for its section
 * ({@code .bss}, {@code .data}; {@code .rodata} is read-only once loaded). Reads and writes go straight to the map
 * the programs use, so a program sees a write at once. Valid until the object is closed.
 */
public final class GlobalVariable {
    /** Where a variable lives in its section. */
    record Place(String section, long offset, long size, int typeId) {
    }

    private final String name;
    private final String mapName;
    private final Place place;
    private final MemorySegment data;
    private final BpfObject owner;
    private final Btf btf;

    GlobalVariable(String name, String mapName, Place place, MemorySegment sectionData, BpfObject owner, Btf btf) {
        this.name = name;
        this.btf = btf;
        this.mapName = mapName;
        this.place = place;
        this.data = sectionData.asSlice(place.offset(), place.size());
        this.owner = owner;
    }

    /** Finds a variable in the DATASEC type {@code datasecId}. */
    static Optional<Place> find(Btf btf, int datasecId, String name) {
        if (datasecId == 0 || !btf.hasType(datasecId) || !(btf.type(datasecId) instanceof BtfType.Datasec ds)) {
            return Optional.empty();
        }
        for (BtfType.SecInfo v : ds.variables()) {
            if (btf.type(v.type()) instanceof BtfType.Var var && var.name().equals(name)) {
                return Optional.of(new Place(ds.name(), v.offset(), v.size(), var.type()));
            }
        }
        return Optional.empty();
    }

    public String name() {
        return name;
    }

    /** The ELF section, e.g. {@code .bss}. */
    public String section() {
        return place.section();
    }

    /** The map holding the section, e.g. {@code overflow.bss}. */
    public String mapName() {
        return mapName;
    }

    public long size() {
        return place.size();
    }

    /** The variable's C type, for codecs (e.g. {@link org.ebpfj.kernel.codec.Codecs#record}). */
    public TypeRef type() {
        return new TypeRef(btf, place.typeId());
    }

    public boolean isReadOnly() {
        return place.section().startsWith(".rodata");
    }

    public int getInt() {
        check(4, false);
        return data.get(ValueLayout.JAVA_INT, 0);
    }

    public void setInt(int value) {
        check(4, true);
        data.set(ValueLayout.JAVA_INT, 0, value);
    }

    public long getLong() {
        check(8, false);
        return data.get(ValueLayout.JAVA_LONG, 0);
    }

    public void setLong(long value) {
        check(8, true);
        data.set(ValueLayout.JAVA_LONG, 0, value);
    }

    public byte[] getBytes() {
        owner.checkOpen();
        return data.toArray(ValueLayout.JAVA_BYTE);
    }

    public void setBytes(byte[] value) {
        check(value.length, true);
        MemorySegment.copy(value, 0, data, ValueLayout.JAVA_BYTE, 0, value.length);
    }

    /** Decodes the variable, e.g. a struct into a record with {@link org.ebpfj.kernel.codec.Codecs#record}. */
    public <T> T get(MapCodec<T> codec) {
        check(codec.size(), false);
        return codec.decode(data, 0);
    }

    /** Decodes a struct variable into a record laid out from the variable's BTF type. */
    public <R extends Record> R get(Class<R> recordType) {
        return get(Codecs.record(recordType, type()));
    }

    public <T> void set(MapCodec<T> codec, T value) {
        check(codec.size(), true);
        codec.encode(value, data, 0);
    }

    private void check(long size, boolean write) {
        owner.checkOpen();
        if (size != place.size()) {
            throw new IllegalArgumentException("variable '" + name + "' is " + place.size() + " bytes, not " + size);
        }
        if (write && isReadOnly()) {
            throw new IllegalStateException("variable '" + name + "' is in " + place.section()
                    + ", which is frozen once the object is loaded; set it with LoadOptions.variable before load");
        }
    }

    @Override
    public String toString() {
        return "variable '" + name + "' (" + place.section() + "+" + place.offset() + ", " + place.size() + " bytes)";
    }
}
