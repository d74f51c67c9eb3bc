package org.ebpfj.harness;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.event.PerfBufferReader;
import org.ebpfj.kernel.event.RingBufferReader;
import org.ebpfj.kernel.event.UserRingBufferWriter;

/**
 * Opens the event readers and writers a {@code @MapRef} field or parameter declares, e.g.
 * {@code @MapRef("events") RingBufferReader<Event> events}: the type argument chooses the decoding (a record laid
 * out from the object's BTF struct of the same name, {@code byte[]}, a boxed primitive). Each is opened for the
 * test that asks and closed after it, so one test's events never reach the next.
 */
final class EventHandles {
    private EventHandles() {
    }

    /** The reader or writer for the point, or null when the point declares no event type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object open(InjectionPoint point, BpfObject object, String map, TestScope scope) {
        Class<?> type = point.type();
        if (type == RingBufferReader.class) {
            return scope.register(RingBufferReader.open(object, map, Handles.typeArguments(point, 1)[0]));
        }
        if (type == PerfBufferReader.class) {
            PerfBuffer pages = point.element().getAnnotation(PerfBuffer.class);
            return scope.register(PerfBufferReader.open(object, map, Handles.typeArguments(point, 1)[0],
                    pages == null ? PerfBufferReader.DEFAULT_PAGES : pages.pagesPerCpu()));
        }
        if (type == UserRingBufferWriter.class) {
            Class<?> recordType = Handles.typeArguments(point, 1)[0];
            if (!recordType.isRecord()) {
                throw new IllegalArgumentException("a UserRingBufferWriter is injected for a record type laid out"
                        + " from BTF, not " + recordType.getSimpleName() + "; open it with a MapCodec instead");
            }
            return scope.register(UserRingBufferWriter.open(object, map, (Class) recordType.asSubclass(Record.class)));
        }
        return null;
    }
}
