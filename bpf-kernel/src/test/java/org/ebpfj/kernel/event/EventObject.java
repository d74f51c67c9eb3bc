package org.ebpfj.kernel.event;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.LoadOptions;
import org.ebpfj.kernel.program.TestRunOptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The test object events.bpf.c: its event struct as a record, and ways to make its programs produce. */
final class EventObject {
    static final String RESOURCE = "/bpf/events.bpf.o";

    /** {@code struct event} of events.bpf.c. */
    record Event(int pid, int seq, long value, String comm) {
    }

    private EventObject() {
    }

    static BpfObject load() {
        return BpfObject.loadResource(EventObject.class, RESOURCE, LoadOptions.defaults());
    }

    /**
     * Gives a test method a freshly loaded object as its {@code BpfObject} parameter, closed after the test (JUnit
     * closes an {@code AutoCloseable} kept in the test's store), so a test opens only the reader it is about.
     */
    static final class PerTest implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == BpfObject.class;
        }

        @Override
        public BpfObject resolveParameter(ParameterContext parameter, ExtensionContext context) {
            BpfObject object = load();
            context.getStore(ExtensionContext.Namespace.create(PerTest.class)).put(parameter.getIndex(), object);
            return object;
        }
    }

    /** Runs {@code program} {@code times} times with BPF_PROG_TEST_RUN (one event each). */
    static void run(BpfObject object, String program, int times) {
        object.program(program).testRun(TestRunOptions.builder().dataIn(new byte[64]).repeat(times).build());
    }

    /** The value the program derives from an event's sequence number. */
    static long valueOf(int seq) {
        return Integer.toUnsignedLong(seq) * 2654435761L + 7;
    }

    /** The comm the program writes for a sequence number. */
    static String commOf(int seq) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            s.append((char) ('a' + (seq + i) % 26));
        }
        return s.toString();
    }

    /**
     * Checks one raw record in place: its size (a perf sample is padded so that its size field and data end on 8
     * bytes: 36 here), and that every field matches its sequence number.
     */
    static int checkRaw(MemorySegment memory, long offset, int length) {
        if (length != 32 && length != 36) {
            throw new AssertionError("record of " + length + " bytes, expected 32 (36 with perf's padding)");
        }
        int seq = memory.get(ValueLayout.JAVA_INT_UNALIGNED, offset + 4);
        long value = memory.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + 8);
        if (value != valueOf(seq) || memory.get(ValueLayout.JAVA_INT_UNALIGNED, offset) != 4242) {
            throw new AssertionError("torn record: seq " + seq + " value " + value);
        }
        return seq;
    }
}
