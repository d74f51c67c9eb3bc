package org.ebpfj.harness.assertions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;

import org.assertj.core.api.AbstractAssert;
import org.ebpfj.kernel.GlobalVariable;
import org.ebpfj.kernel.event.EventReader;

/**
 * Assertions on the events a program sends through a ring buffer or a perf buffer. Each assertion first takes
 * what the reader holds; the {@code receives...} ones wait (with a deadline) for more. Events taken are kept, so
 * later assertions see everything received so far:
 * <pre>{@code
 * assertThat(events).receives(2, Duration.ofSeconds(2))
 *         .hasEventWith(Event::pid, child.pid())
 *         .allMatch(e -> e.comm().equals("true"), "comm is 'true'")
 *         .hasNoLostEvents();
 * }</pre>
 *
 * @param <T> the decoded event type
 */
public final class EventsAssert<T> extends AbstractAssert<EventsAssert<T>, EventReader<T>> {
    private static final int SHOWN = 10;
    private final List<T> received = new ArrayList<>();

    EventsAssert(EventReader<T> reader) {
        super(reader, EventsAssert.class);
    }

    /** Waits until at least {@code n} events have arrived in all, or fails when {@code within} has passed. */
    public EventsAssert<T> receives(int n, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        take();
        while (received.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || actual.isClosed()) {
                failWithMessage("expected at least %d events from map '%s' within %s, but %d arrived%s", n,
                        actual.mapName(), human(within), received.size(), shown());
            }
            actual.poll(Duration.ofNanos(left), received::add);
        }
        return this;
    }

    /** Waits until an event that matches arrives, or fails when {@code within} has passed. */
    public EventsAssert<T> receivesMatching(Predicate<? super T> match, String description, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        take();
        while (received.stream().noneMatch(match)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || actual.isClosed()) {
                failWithMessage("expected an event (%s) from map '%s' within %s, but none of the %d that arrived"
                        + " matched%s", description, actual.mapName(), human(within), received.size(), shown());
            }
            actual.poll(Duration.ofNanos(left), received::add);
        }
        return this;
    }

    /** Every given event is among those received (in any order, others allowed). */
    @SafeVarargs
    public final EventsAssert<T> contains(T... expected) {
        take();
        List<T> missing = Arrays.stream(expected).filter(e -> !received.contains(e)).toList();
        if (!missing.isEmpty()) {
            failWithMessage("events from map '%s' lack %s%s", actual.mapName(), missing, shown());
        }
        return this;
    }

    /** The events received are exactly these, in this order. */
    @SafeVarargs
    public final EventsAssert<T> containsExactly(T... expected) {
        take();
        if (!received.equals(Arrays.asList(expected))) {
            failWithMessage("expected exactly %s from map '%s'%s", Arrays.asList(expected), actual.mapName(),
                    shown());
        }
        return this;
    }

    /** Every event received satisfies {@code condition}; at least one was received. */
    public EventsAssert<T> allMatch(Predicate<? super T> condition, String description) {
        take();
        if (received.isEmpty()) {
            failWithMessage("expected events (%s) from map '%s', but none arrived", description, actual.mapName());
        }
        List<T> failing = received.stream().filter(condition.negate()).toList();
        if (!failing.isEmpty()) {
            failWithMessage("%d of %d events from map '%s' are not %s, e.g. %s", failing.size(), received.size(),
                    actual.mapName(), description, failing.subList(0, Math.min(SHOWN, failing.size())));
        }
        return this;
    }

    /** Some event received has {@code value} in the field {@code field} reads, e.g. {@code Event::pid}. */
    public <V> EventsAssert<T> hasEventWith(Function<? super T, V> field, V value) {
        take();
        if (received.stream().noneMatch(e -> Objects.equals(field.apply(e), value))) {
            failWithMessage("no event from map '%s' has the value %s; the field's values are %s%s", actual.mapName(),
                    value, received.stream().map(field).distinct().limit(SHOWN).toList(), shown());
        }
        return this;
    }

    /** The buffer lost nothing (a perf buffer's PERF_RECORD_LOST count is 0). */
    public EventsAssert<T> hasNoLostEvents() {
        take();
        OptionalLong lost = actual.lostCount();
        if (lost.isEmpty()) {
            failWithMessage("map '%s' is a ring buffer, which keeps no lost count (the program's reserve or output"
                    + " call fails instead): count failures in the program and use hasNoLostEvents(counter)",
                    actual.mapName());
        }
        if (lost.getAsLong() != 0) {
            failWithMessage("map '%s' lost %d events (PERF_RECORD_LOST); %d arrived", actual.mapName(),
                    lost.getAsLong(), received.size());
        }
        return this;
    }

    /** The program's own drop counter (a global it increments when an output fails) is still 0. */
    public EventsAssert<T> hasNoLostEvents(GlobalVariable dropCounter) {
        take();
        long dropped = dropCounter.size() == 8 ? dropCounter.getLong() : dropCounter.getInt();
        if (dropped != 0) {
            failWithMessage("the program counted %d events it could not send to map '%s' (%s); %d arrived", dropped,
                    actual.mapName(), dropCounter.name(), received.size());
        }
        return this;
    }

    /** The events received so far (after taking what the reader holds). */
    public List<T> events() {
        take();
        return List.copyOf(received);
    }

    private void take() {
        isNotNull();
        if (!actual.isClosed()) {
            actual.consume(received::add);
        }
    }

    private String shown() {
        if (received.isEmpty()) {
            return "";
        }
        return ":\n  " + String.join("\n  ", received.stream().limit(SHOWN).map(String::valueOf).toList())
                + (received.size() > SHOWN ? "\n  ... " + (received.size() - SHOWN) + " more" : "");
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
