package org.ebpfj.object.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.spec.ObjectSpecReader;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

/**
 * Feeds malformed objects derived from the real test objects ({@link ObjectMutator}) through
 * {@link ObjectSpecReader#read(byte[], String)}, which runs the ELF, BTF and DWARF readers: nothing but
 * {@link ObjectFormatException} may escape, and nothing may hang.
 *
 * <p>Each of the {@value #BATCHES} tries is a batch of inputs derived from the try's seed, spread over the CPUs and
 * guarded by a preemptive timeout (a hang never ends, so the generous limit only decides how soon it is reported).
 * The number of inputs is {@code -Debpfj.fuzz.inputs=N} (default {@value #DEFAULT_INPUTS}; on an idle 2-CPU machine
 * the default takes about 40 seconds). A failure names the seed and input index: {@link #input(long, int)} rebuilds it.
 */
class ObjectReaderFuzzTest {
    static final String INPUTS_PROPERTY = "ebpfj.fuzz.inputs";
    static final long DEFAULT_INPUTS = 1_000_000;
    private static final int BATCHES = 1000;
    private static final long BATCH_TIMEOUT_SECONDS = 120;

    private static final ObjectMutator MUTATOR = new ObjectMutator();
    private static final int WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService POOL = Executors.newFixedThreadPool(WORKERS, r -> {
        Thread t = new Thread(r, "object-fuzz");
        t.setDaemon(true); // a hung worker must not keep the test JVM alive
        return t;
    });

    private static long totalInputs() {
        String v = System.getProperty(INPUTS_PROPERTY);
        if (v == null || v.isBlank()) {
            return DEFAULT_INPUTS;
        }
        return Math.max(0, Long.parseLong(v.trim().replace("_", "")));
    }

    /** The {@code index}-th input of the batch with this seed: the same bytes every time. */
    static ObjectMutator.Input input(long seed, int index) {
        return MUTATOR.next(new Random(seed * 0x9E3779B97F4A7C15L + index));
    }

    @Property(tries = BATCHES, shrinking = ShrinkingMode.OFF)
    void onlyObjectFormatExceptionEscapes(@ForAll long seed) throws Exception {
        int perBatch = (int) Math.min(Integer.MAX_VALUE, (totalInputs() + BATCHES - 1) / BATCHES);
        List<AtomicReference<String>> current = new ArrayList<>();
        List<Future<String>> results = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            AtomicReference<String> running = new AtomicReference<>("(not started)");
            current.add(running);
            int first = w;
            results.add(POOL.submit(() -> runShare(seed, first, perBatch, running)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BATCH_TIMEOUT_SECONDS);
        for (int w = 0; w < WORKERS; w++) {
            String failure;
            try {
                failure = results.get(w).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                results.forEach(f -> f.cancel(true));
                throw new AssertionError("batch with seed " + seed + " still running after " + BATCH_TIMEOUT_SECONDS
                        + " s (a hang?); input in progress: " + current.get(w).get());
            } catch (ExecutionException e) {
                throw new AssertionError("fuzz worker failed for seed " + seed, e.getCause());
            }
            if (failure != null) {
                throw new AssertionError(failure);
            }
        }
    }

    /** Runs inputs {@code first}, {@code first + WORKERS}, ... of the batch; returns a failure message or null. */
    private static String runShare(long seed, int first, int count, AtomicReference<String> running) {
        for (int i = first; i < count; i += WORKERS) {
            ObjectMutator.Input in = input(seed, i);
            running.set("seed " + seed + " input " + i + ": " + in.description());
            try {
                ObjectSpecReader.read(in.bytes(), "fuzz.bpf.o");
            } catch (ObjectFormatException expected) {
                // The one allowed outcome for a broken object.
            } catch (Throwable t) {
                StringBuilder msg = new StringBuilder("seed ").append(seed).append(" input ").append(i).append(" (")
                        .append(in.description()).append(") let ").append(t).append(" escape");
                for (StackTraceElement e : t.getStackTrace()) {
                    msg.append("\n\tat ").append(e);
                    if (msg.length() > 4000) {
                        break;
                    }
                }
                return msg.toString();
            }
        }
        return null;
    }
}
