package org.ebpfj.object.codegen;

import java.util.Optional;

import org.ebpfj.object.codegen.SkeletonModel.Handle;
import org.ebpfj.object.codegen.SkeletonModel.MapEntry;

/**
 * Writes a skeleton's accessor for an event map: a ring buffer or perf buffer reader, or a user ring buffer
 * writer, decoding the event record the object's code sends ({@link EventTypes}), or bytes when that is unknown.
 * The reader is opened on the first call (a perf buffer opens one perf event per CPU, which needs CAP_PERFMON)
 * and closes with the object.
 */
final class EventAccessors {
    private EventAccessors() {
    }

    static void write(SourceBuilder out, MapEntry e, Optional<String> codec) {
        String name = JavaNames.doc(e.spec().name());
        String event = e.value().map(v -> "{@code " + JavaNames.doc(v.describe()) + "} events, as {@link "
                + SkeletonWriter.boxed(v) + "}").orElse("events whose type the object does not tell, as bytes");
        String where = SkeletonWriter.location(e.spec().location().toString());
        out.blank();
        if (e.handle() == Handle.USER_RING_BUFFER && codec.isEmpty()) {
            out.doc("A writer of the user ring buffer {@code " + name + "}" + where + ", encoding records with"
                    + " {@code codec}; it closes with the object. Open one writer per map.");
            out.line("public <T> UserRingBufferWriter<T> %s(MapCodec<T> codec) {", e.accessor());
            out.line("return UserRingBufferWriter.open(object, %s, codec);", e.constant());
            out.line("}");
            return;
        }
        String kind = switch (e.handle()) {
            case RING_BUFFER -> "The reader of the ring buffer";
            case PERF_BUFFER -> "The reader of the perf buffer";
            default -> "The writer of the user ring buffer";
        };
        out.doc(kind + " {@code " + name + "}" + where + ": " + event + ". Opened on the first call, closed with"
                + " the object.");
        out.line("public synchronized %s %s() {", SkeletonWriter.handleType(e), e.accessor());
        out.line("if (%s == null) {", e.accessor());
        String source = codec.orElse("byte[].class");
        switch (e.handle()) {
            case RING_BUFFER -> out.line("%s = RingBufferReader.open(object, %s, %s);", e.accessor(), e.constant(),
                    source);
            case PERF_BUFFER -> out.line("%s = %s;", e.accessor(), codec.isPresent()
                    ? "PerfBufferReader.open(object, " + e.constant() + ", " + source
                    + ", PerfBufferReader.DEFAULT_PAGES)"
                    : "PerfBufferReader.open(object, " + e.constant() + ", byte[].class)");
            default -> out.line("%s = UserRingBufferWriter.open(object, %s, %s);", e.accessor(), e.constant(),
                    source);
        }
        out.line("}");
        out.line("return %s;", e.accessor());
        out.line("}");
    }
}
