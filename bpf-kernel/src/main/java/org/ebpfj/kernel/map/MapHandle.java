package org.ebpfj.kernel.map;

/**
 * A handle to one live map: the byte-level {@link RawMap}, or a typed view over one ({@link MapView}: {@link BpfMap},
 * {@link PerCpuMap}, {@link QueueMap}, and the unboxed {@link IntIntMap}, {@link IntLongMap}, {@link LongLongMap}).
 * Every handle can be seen as any other kind the map fits, with {@link #as}.
 */
public sealed interface MapHandle extends AutoCloseable permits RawMap, MapView {

    /** The byte-level handle underneath (the handle itself for a {@link RawMap}). */
    RawMap raw();

    default String name() {
        return raw().name();
    }

    /** What the kernel says about the map. */
    default MapInfo info() {
        return raw().info();
    }

    /**
     * The same map as another kind of handle, e.g. {@code as(BpfMap.class, Integer.class, Flow.class)},
     * {@code as(IntLongMap.class)} or {@code as(QueueMap.class, Event.class)}: the type arguments choose the codecs
     * ({@link org.ebpfj.kernel.codec.Codecs#forClass}), one per type parameter of the kind.
     *
     * @throws IllegalArgumentException when the map does not fit the kind (per-CPU, keyless, sizes) or the
     *                                  arguments do not fit its type parameters
     */
    default <H extends MapHandle> H as(Class<H> kind, Class<?>... typeArguments) {
        return MapViews.view(raw(), kind, typeArguments);
    }

    /** The kinds of handle {@link #as} makes: RawMap, BpfMap, PerCpuMap, QueueMap and the unboxed views. */
    static java.util.List<Class<?>> kinds() {
        return MapViews.kinds();
    }

    /** Closes the map when it was created standalone; maps of a loaded object close with the object. */
    @Override
    void close();
}
