package org.ebpfj.kernel.codec;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.spec.TypeRef;

/**
 * Encodes a Java record as the C struct a BTF type describes. Each record component maps to the struct member of
 * the same name, or its snake_case spelling, or the name in {@link BpfField}; offsets, sizes and padding come from
 * BTF, so the Java side never guesses the C layout. Making the codec checks everything once: every component has a member of a compatible type
 * and size, every member is mapped, no bitfields. Encoding zeroes padding.
 *
 * <p>Component types: {@code byte, short, char, int, long, float, double, boolean} (and boxes) for integers, enums,
 * floats and pointers of the same size; {@code byte[]} or {@code String} for {@code char}/{@code __u8} arrays;
 * {@code short[]}, {@code int[]}, {@code long[]} for integer arrays; a nested record for a nested struct.
 */
public final class RecordCodec<R extends Record> implements MapCodec<R> {
    private final Class<R> type;
    private final String structName;
    private final long size;
    private final Field[] fields;
    private final MethodHandle constructor; // (Object[]) -> Object

    private RecordCodec(Class<R> type, String structName, long size, Field[] fields, MethodHandle constructor) {
        this.type = type;
        this.structName = structName;
        this.size = size;
        this.fields = fields;
        this.constructor = constructor;
    }

    /**
     * @throws RecordLayoutException when the record and the struct do not match
     */
    public static <R extends Record> RecordCodec<R> of(Class<R> type, TypeRef struct) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(struct, "struct");
        return build(type, struct.btf(), struct.id());
    }

    private static <R extends Record> RecordCodec<R> build(Class<R> type, Btf btf, int typeId) {
        BtfType resolved = btf.resolve(typeId);
        String cName = btf.describe(typeId);
        if (!(resolved instanceof BtfType.Struct struct)) {
            throw new RecordLayoutException(type, "", "record " + type.getSimpleName() + " cannot map " + cName
                    + ": only structs map to records (it is a " + resolved.kind() + ")");
        }
        Layouts layouts = new Layouts(type, btf, struct, cName);
        RecordComponent[] components = type.getRecordComponents();
        Field[] fields = new Field[components.length];
        Set<String> unmapped = new LinkedHashSet<>();
        for (BtfType.Member m : struct.members()) {
            unmapped.add(m.name());
        }
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            BpfField annotation = rc.getAnnotation(BpfField.class);
            String memberName = annotation != null ? annotation.value() : memberFor(rc.getName(), struct);
            BtfType.Member member = struct.members().stream().filter(m -> m.name().equals(memberName))
                    .findFirst().orElseThrow(() -> layouts.fail(memberName, "component '" + rc.getName()
                            + "' has no member '" + memberName + "' in " + cName));
            if (!unmapped.remove(memberName)) {
                throw layouts.fail(memberName, "member '" + memberName + "' is mapped by two components");
            }
            if (member.isBitfield()) {
                throw layouts.fail(memberName, "member '" + memberName + "' is a bitfield (" + member.bitfieldSize()
                        + " bits); bitfields cannot be mapped to record components");
            }
            fields[i] = Field.of(layouts, rc, member, accessor(type, rc));
        }
        if (!unmapped.isEmpty()) {
            throw layouts.fail(unmapped.iterator().next(), "record " + type.getSimpleName()
                    + " does not map member(s) " + String.join(", ", unmapped) + " of " + cName
                    + " (add components for them, so that values round-trip)");
        }
        return new RecordCodec<>(type, cName, struct.size(), fields, constructor(type, components));
    }

    private static MethodHandle accessor(Class<?> type, RecordComponent rc) {
        try {
            var m = rc.getAccessor();
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m).asType(MethodType.methodType(Object.class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read component '" + rc.getName() + "' of " + type.getName()
                    + " (is its package open to org.ebpfj.kernel?)", e);
        }
    }

    private static MethodHandle constructor(Class<?> type, RecordComponent[] components) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            MethodHandle mh = MethodHandles.lookup().unreflectConstructor(c);
            return mh.asType(mh.type().generic()).asSpreader(Object[].class, components.length);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot construct " + type.getName()
                    + " (is its package open to org.ebpfj.kernel?)", e);
        }
    }

    @Override
    public long size() {
        return size;
    }

    public Class<R> recordType() {
        return type;
    }

    @Override
    public void encode(R value, MemorySegment dst, long offset) {
        Objects.requireNonNull(value, "record value");
        dst.asSlice(offset, size).fill((byte) 0);
        for (Field f : fields) {
            Object v;
            try {
                v = (Object) f.accessor.invokeExact((Object) value);
            } catch (Throwable t) {
                throw new IllegalStateException("reading " + f.component + " of " + value, t);
            }
            if (v == null) {
                throw new NullPointerException(type.getSimpleName() + "." + f.component + " is null");
            }
            f.write(dst, offset, v);
        }
    }

    @Override
    public R decode(MemorySegment src, long offset) {
        Object[] args = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            args[i] = fields[i].read(src, offset);
        }
        try {
            return type.cast((Object) constructor.invokeExact(args));
        } catch (Throwable t) {
            throw new IllegalStateException("constructing " + type.getSimpleName() + " from " + structName, t);
        }
    }

    /**
     * The C member a component maps to without {@link BpfField}: the same name, else its snake_case spelling
     * ({@code firstError} -> {@code first_error}), since C structs and Java records name things differently.
     */
    private static String memberFor(String component, BtfType.Struct struct) {
        String snake = component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        boolean exact = struct.members().stream().anyMatch(m -> m.name().equals(component));
        boolean snakeExists = struct.members().stream().anyMatch(m -> m.name().equals(snake));
        return !exact && snakeExists ? snake : component;
    }

    @Override
    public String name() {
        return "record " + type.getSimpleName() + " <- " + structName;
    }

    static String bytes(long n) {
        return n == 1 ? "1 byte" : n + " bytes";
    }

    /** Renders both layouts for error messages. */
    static final class Layouts {
        final Class<?> type;
        final Btf btf;
        final BtfType.Struct struct;
        final String cName;

        Layouts(Class<?> type, Btf btf, BtfType.Struct struct, String cName) {
            this.type = type;
            this.btf = btf;
            this.struct = struct;
            this.cName = cName;
        }

        RecordLayoutException fail(String member, String problem) {
            return new RecordLayoutException(type, member, "record " + type.getSimpleName() + " does not match "
                    + cName + ": " + problem + "\n" + render(member));
        }

        private String render(String member) {
            List<String> c = new ArrayList<>();
            c.add(cName + " (" + struct.size() + " bytes, from BTF):");
            for (BtfType.Member m : struct.members()) {
                String size = btf.sizeOf(m.type()).isPresent() ? bytes(btf.sizeOf(m.type()).getAsLong()) : "? bytes";
                String at = m.isBitfield() ? "bit " + m.bitOffset() : "offset " + m.byteOffset();
                c.add(String.format("  %-11s %-14s %s (%s)%s", at, m.name(), btf.describe(m.type()), size,
                        m.name().equals(member) ? "   <--" : ""));
            }
            c.add("record " + type.getSimpleName() + ":");
            for (RecordComponent rc : type.getRecordComponents()) {
                BpfField a = rc.getAnnotation(BpfField.class);
                String mapped = a != null ? " -> " + a.value() : "";
                boolean hit = rc.getName().equals(member) || (a != null && a.value().equals(member));
                c.add(String.format("  %-14s %s%s%s", rc.getName(), rc.getType().getSimpleName(), mapped,
                        hit ? "   <--" : ""));
            }
            return "  " + String.join("\n  ", c);
        }
    }
}
