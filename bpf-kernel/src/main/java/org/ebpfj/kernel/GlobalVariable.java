package org.ebpfj.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.ebpfj.kernel.codec.Codecs;
import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.object.spec.TypeRef;
import org.ebpfj.object.spec.VariableSpec;

/**
 * A global variable of a loaded object, read and written through the memory libbpf maps for its section
 * ({@code .bss}, {@code .data}; {@code .rodata} is read-only once loaded). Reads and writes go straight to the map
 * the programs use, so a program sees a write at once. Valid until the object is closed.
 */
public final class GlobalVariable {
    private final VariableSpec spec;
    private final MemorySegment data;
    private final BpfObject owner;

    GlobalVariable(VariableSpec spec, MemorySegment sectionData, BpfObject owner) {
        this.spec = spec;
        this.data = sectionData.asSlice(spec.offset(), spec.size());
        this.owner = owner;
    }

    /** The variable as the object's spec describes it (its initial value is the one it was loaded with). */
    public VariableSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** The ELF section, e.g. {@code .bss}. */
    public String section() {
        return spec.section();
    }

    /** The map holding the section, e.g. {@code overflow.bss}. */
    public String mapName() {
        return spec.mapName();
    }

    public long size() {
        return spec.size();
    }

    /** The variable's C type, for codecs (e.g. {@link org.ebpfj.kernel.codec.Codecs#record}). */
    public TypeRef type() {
        return spec.type();
    }

    public boolean isReadOnly() {
        return spec.isReadOnly();
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
        if (size != spec.size()) {
            throw new IllegalArgumentException("variable '" + spec.name() + "' is " + spec.size() + " bytes, not "
                    + size);
        }
        if (write && isReadOnly()) {
            throw new IllegalStateException("variable '" + spec.name() + "' is in " + spec.section() + ", which is"
                    + " frozen once the object is loaded; set it in the spec before load"
                    + " (ObjectSpec.withVariableValue)");
        }
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
