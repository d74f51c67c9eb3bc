package org.ebpfj.object.spec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A global variable of a BPF object, as plain data: where it lives ({@code .data}, {@code .rodata}, {@code .bss},
 * {@code .kconfig} or a named {@code .data.*} ... section, and the internal map libbpf makes of that section), its
 * C type, and the bytes it starts with. A copy with another {@link #value} ({@link #withValue}, {@link #withInt},
 * {@link #withLong}) put back into the {@link ObjectSpec} ({@link ObjectSpec#withVariable}) is what a loader writes
 * into the section before load: the way to set a {@code const volatile} in {@code .rodata}, which is frozen once
 * the object is loaded.
 *
 * @param name     the C name
 * @param section  the ELF section (the BTF DATASEC), e.g. {@code .rodata} or {@code .data.counters}
 * @param mapName  the internal map holding the section, as libbpf names it, e.g. {@code probe.rodata}
 * @param offset   the offset in the section (libbpf takes it from the ELF symbol)
 * @param size     bytes
 * @param type     the variable's BTF type
 * @param global   false for a {@code static} variable (libbpf's skeletons expose only global ones)
 * @param order    the object's byte order, in which {@code value} is encoded
 * @param value    the initial bytes: the section's contents for {@code .data} and {@code .rodata}; zeros for
 *                 {@code .bss}, and for {@code .kconfig}, which libbpf fills from the kernel's configuration
 * @param location the declaration, or the object file when debug info does not say
 */
public record VariableSpec(
        String name,
        String section,
        String mapName,
        long offset,
        long size,
        TypeRef type,
        boolean global,
        ByteOrder order,
        byte[] value,
        SourceLocation location) {

    public VariableSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(mapName, "mapName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(location, "location");
        if (offset < 0 || size < 0) {
            throw new IllegalArgumentException("variable '" + name + "': negative offset or size");
        }
        if (value.length != size) {
            throw new IllegalArgumentException("variable '" + name + "' is " + size + " bytes (" + type.describe()
                    + "), not " + value.length);
        }
        value = value.clone();
    }

    /** A copy of the initial bytes. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The same variable starting with other bytes; their length must be {@link #size}. */
    public VariableSpec withValue(byte[] newValue) {
        return new VariableSpec(name, section, mapName, offset, size, type, global, order, newValue, location);
    }

    /** The same variable starting with a 4-byte value, in the object's byte order. */
    public VariableSpec withInt(int v) {
        return withValue(buffer(4).putInt(0, v).array());
    }

    /** The same variable starting with an 8-byte value, in the object's byte order. */
    public VariableSpec withLong(long v) {
        return withValue(buffer(8).putLong(0, v).array());
    }

    /** The initial value of a 4-byte variable. */
    public int intValue() {
        requireSize(4);
        return ByteBuffer.wrap(value).order(order).getInt(0);
    }

    /** The initial value of an 8-byte variable. */
    public long longValue() {
        requireSize(8);
        return ByteBuffer.wrap(value).order(order).getLong(0);
    }

    /** Programs cannot write it: {@code .rodata*} (frozen at load) and {@code .kconfig}. */
    public boolean isReadOnly() {
        return section.startsWith(".rodata") || section.equals(".kconfig");
    }

    private ByteBuffer buffer(int bytes) {
        requireSize(bytes);
        return ByteBuffer.allocate(bytes).order(order);
    }

    private void requireSize(int bytes) {
        if (size != bytes) {
            throw new IllegalArgumentException("variable '" + name + "' is " + size + " bytes (" + type.describe()
                    + "), not " + bytes);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VariableSpec v && v.name.equals(name) && v.section.equals(section)
                && v.mapName.equals(mapName) && v.offset == offset && v.size == size && v.type.equals(type)
                && v.global == global && v.order.equals(order) && Arrays.equals(v.value, value)
                && v.location.equals(location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, section, mapName, offset, size, type.id(), global, Arrays.hashCode(value));
    }

    /** {@code const volatile __u32 max_entries (.rodata+8, 4 bytes)}. */
    @Override
    public String toString() {
        return type.describe() + " " + name + " (" + section + "+" + offset + ", " + size + " bytes)";
    }
}
