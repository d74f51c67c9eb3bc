package org.ebpfj.kernel.map;

import static org.ebpfj.kernel.map.MapStatus.updated;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.kernel.internal.sys.BpfCommand;
import org.ebpfj.kernel.internal.sys.Scratch;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapType;

/**
 * A QUEUE (first in, first out) or STACK (last in, first out) map: values without keys. An empty map gives
 * {@link Optional#empty()}; pushing onto a full one throws {@link org.ebpfj.kernel.error.MapFullException} unless
 * asked to overwrite.
 */
public final class QueueMap<V> extends MapView {
    private final MapCodec<V> codec;

    QueueMap(RawMap raw, MapCodec<V> codec) {
        super(raw);
        MapViews.requireQueue(raw);
        MapViews.checkCodec(raw, "value", codec, raw.valueSize());
        this.codec = codec;
    }

    public static <V> QueueMap<V> create(MapSpec spec, Class<V> valueClass) {
        return MapViews.create(spec, raw -> raw.queue(valueClass));
    }

    public boolean isStack() {
        return raw.type().orElse(null) == MapType.STACK;
    }

    /** Adds a value. @throws MapFullException when the map holds max_entries values */
    public void push(V value) {
        push(value, false);
    }

    /**
     * Adds a value; with {@code overwriteOldest}, a full map drops its oldest value to make room
     * (BPF_EXIST, the kernel's meaning of that flag for these maps).
     */
    public void push(V value, boolean overwriteOldest) {
        Scratch s = Scratch.get(0, raw.valueSize());
        codec.encode(value, s.value, 0);
        UpdateFlag flag = overwriteOldest ? UpdateFlag.EXIST : UpdateFlag.ANY;
        updated(raw.info(), raw.descriptor.update(s, flag.bits()), flag, () -> "(none)");
    }

    /** Removes and returns the next value (oldest for a QUEUE, newest for a STACK); empty when there is none. */
    public Optional<V> pop() {
        Scratch s = Scratch.get(0, raw.valueSize());
        return result(s, raw.descriptor.lookupAndDelete(s), BpfCommand.MAP_LOOKUP_AND_DELETE_ELEM);
    }

    /** The value {@link #pop()} would return, without removing it. */
    public Optional<V> peek() {
        Scratch s = Scratch.get(0, raw.valueSize());
        return result(s, raw.descriptor.lookup(s), BpfCommand.MAP_LOOKUP_ELEM);
    }

    private Optional<V> result(Scratch s, int status, BpfCommand command) {
        return MapStatus.found(raw.info(), status, command) ? Optional.of(codec.decode(s.value, 0)) : Optional.empty();
    }

    /** Pops until empty. */
    public List<V> drain() {
        List<V> out = new ArrayList<>();
        for (Optional<V> v = pop(); v.isPresent(); v = pop()) {
            out.add(v.get());
        }
        return out;
    }

    public long capacity() {
        return raw.maxEntries();
    }
}
