package org.ebpfj.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.RequireBpf;
import org.ebpfj.kernel.event.EventObject.Event;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The readers read their buffers without a check per access (through {@link AddressSpace}); these tests prove that
 * a close never unmaps a buffer under a running drain, wherever it comes from, and that what a handler was given
 * cannot be read once the reader is closed: an exception, never a crash or a read of unmapped memory.
 */
@ExtendWith(RequireBpf.class)
class ReaderCloseTest {
    private static final int EVENTS = 300;

    interface ReaderCheck {
        void check(PolledReader<Event> reader) throws Exception;
    }

    /** Runs {@code check} on a reader of the {@code kind} ("ring" or "perf") buffer, holding {@link #EVENTS} events. */
    private static void withFilledReader(String kind, ReaderCheck check) throws Exception {
        try (BpfObject o = EventObject.load()) {
            PolledReader<Event> reader = kind.equals("ring") ? RingBufferReader.open(o, "events", Event.class)
                    : PerfBufferReader.open(o, "perf_events", Event.class);
            EventObject.run(o, kind.equals("ring") ? "ring_emit" : "perf_emit", EVENTS);
            check.check(reader);
        }
    }

    private static void assertClosed(PolledReader<Event> reader) {
        assertThat(reader.isClosed()).isTrue();
        assertThatThrownBy(() -> reader.consumeRaw((m, off, len) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ring", "perf"})
    void aCloseFromAnotherThreadWaitsForTheRunningDrain(String kind) throws Exception {
        withFilledReader(kind, reader -> {
            CountDownLatch inHandler = new CountDownLatch(1);
            AtomicLong closeReturned = new AtomicLong();
            CompletableFuture<Void> closer = CompletableFuture.runAsync(() -> {
                try {
                    inHandler.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                reader.close();
                closeReturned.set(System.nanoTime());
            });
            List<Integer> seqs = new ArrayList<>();
            AtomicLong lastRecord = new AtomicLong();
            int n = reader.consumeRaw((m, off, len) -> {
                if (seqs.isEmpty()) {
                    inHandler.countDown();
                    sleep(300); // the closer is blocked in close() meanwhile
                }
                seqs.add(EventObject.checkRaw(m, off, len)); // every record still mapped and whole
                lastRecord.set(System.nanoTime());
            });
            closer.get(5, TimeUnit.SECONDS);
            assertThat(n).isEqualTo(EVENTS);
            assertThat(seqs).hasSize(EVENTS).isSorted().doesNotHaveDuplicates();
            assertThat(closeReturned.get()).as("close returned after the last record").isGreaterThan(lastRecord.get());
            assertClosed(reader);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ring", "perf"})
    void aCloseFromTheReadersOwnHandlerTakesEffectWhenTheDrainEnds(String kind) throws Exception {
        withFilledReader(kind, reader -> {
            List<Integer> seqs = new ArrayList<>();
            int n = reader.consumeRaw((m, off, len) -> {
                if (seqs.isEmpty()) {
                    reader.close();
                }
                seqs.add(EventObject.checkRaw(m, off, len));
            });
            assertThat(n).isEqualTo(seqs.size()).isPositive();
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
            assertClosed(reader);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ring", "perf"})
    void aSegmentKeptFromAHandlerCannotBeReadAfterClose(String kind) throws Exception {
        withFilledReader(kind, reader -> {
            AtomicReference<MemorySegment> kept = new AtomicReference<>();
            AtomicLong offset = new AtomicLong();
            reader.consumeRaw((m, off, len) -> {
                kept.set(m);
                offset.set(off);
            });
            assertThat(kept.get().get(ValueLayout.JAVA_INT_UNALIGNED, offset.get())).isEqualTo(4242);
            reader.close();
            assertThatThrownBy(() -> kept.get().get(ValueLayout.JAVA_INT_UNALIGNED, offset.get()))
                    .isInstanceOf(IllegalStateException.class);
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
