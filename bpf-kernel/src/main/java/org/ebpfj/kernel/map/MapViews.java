package org.ebpfj.kernel.map;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.ebpfj.kernel.codec.Codecs;
import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapType;

/** The kinds of map handle, the one way to make each from a {@link RawMap}, and the checks they share. */
final class MapViews {
    /** Every kind of handle and how to view a map as it, given the classes for its type parameters. */
    private static final Map<Class<?>, BiFunction<RawMap, Class<?>[], MapHandle>> KINDS = makers();

    private MapViews() {
    }

    private static Map<Class<?>, BiFunction<RawMap, Class<?>[], MapHandle>> makers() {
        Map<Class<?>, BiFunction<RawMap, Class<?>[], MapHandle>> k = new LinkedHashMap<>();
        k.put(RawMap.class, (raw, a) -> raw);
        k.put(BpfMap.class, (raw, a) -> raw.typed(a[0], a[1]));
        k.put(PerCpuMap.class, (raw, a) -> raw.perCpu(a[0], a[1]));
        k.put(QueueMap.class, (raw, a) -> raw.queue(a[0]));
        k.put(IntIntMap.class, (raw, a) -> raw.intInt());
        k.put(IntLongMap.class, (raw, a) -> raw.intLong());
        k.put(LongLongMap.class, (raw, a) -> raw.longLong());
        return Collections.unmodifiableMap(k);
    }

    static List<Class<?>> kinds() {
        return List.copyOf(KINDS.keySet());
    }

    static <H extends MapHandle> H view(RawMap raw, Class<H> kind, Class<?>... typeArguments) {
        BiFunction<RawMap, Class<?>[], MapHandle> make = KINDS.get(kind);
        if (make == null) {
            throw new IllegalArgumentException("a map cannot be viewed as " + kind.getSimpleName() + "; the kinds"
                    + " are " + kinds().stream().map(Class::getSimpleName).toList());
        }
        int parameters = kind.getTypeParameters().length;
        if (typeArguments.length != parameters) {
            throw new IllegalArgumentException(kind.getSimpleName() + " takes " + parameters + " type argument"
                    + (parameters == 1 ? "" : "s") + " (the classes its codecs are chosen for), not "
                    + Arrays.stream(typeArguments).map(Class::getSimpleName).toList());
        }
        return kind.cast(make.apply(raw, typeArguments));
    }

    /** Creates a standalone map and views it; when the view cannot be made, the map is freed again. */
    static <H> H create(MapSpec spec, Function<RawMap, H> view) {
        RawMap raw = RawMap.create(spec);
        try {
            return view.apply(raw);
        } catch (RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** A codec for the class, laid out from the map's BTF key type when there is one ({@link Codecs#forClass}). */
    static <T> MapCodec<T> keyCodec(RawMap raw, Class<T> type) {
        return Codecs.forClass(type, raw.keySize(), raw.keyType(), "map '" + raw.name() + "' key");
    }

    static <T> MapCodec<T> valueCodec(RawMap raw, Class<T> type) {
        return Codecs.forClass(type, raw.valueSize(), raw.valueType(), "map '" + raw.name() + "' value");
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
    static RawMap requireKeyed(RawMap raw) {
        if (raw.isPerCpu()) {
            throw new IllegalArgumentException("map '" + raw.name() + "' is " + raw.info().typeName()
                    + ": per-CPU maps hold one value per CPU; use perCpu(...)");
        }
        if (raw.keySize() == 0) {
            throw new IllegalArgumentException("map '" + raw.name() + "' (" + raw.info().typeName()
                    + ") has no keys; use queue(...)");
        }
        return raw;
    }

    static RawMap requirePerCpu(RawMap raw) {
        if (!raw.isPerCpu()) {
            throw new IllegalArgumentException("map '" + raw.name() + "' (" + raw.info().typeName()
                    + ") is not a per-CPU map");
        }
        return raw;
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
