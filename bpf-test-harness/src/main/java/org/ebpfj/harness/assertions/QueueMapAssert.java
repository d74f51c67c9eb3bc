package org.ebpfj.harness.assertions;

import java.util.Objects;
import java.util.Optional;

import org.assertj.core.api.AbstractAssert;
import org.ebpfj.kernel.map.QueueMap;

/** Assertions on a QUEUE or STACK that do not change it (they peek; only {@code pop} removes). */
public final class QueueMapAssert<V> extends AbstractAssert<QueueMapAssert<V>, QueueMap<V>> {

    QueueMapAssert(QueueMap<V> queue) {
        super(queue, QueueMapAssert.class);
    }

    public QueueMapAssert<V> isEmpty() {
        isNotNull();
        Optional<V> next = actual.peek();
        if (next.isPresent()) {
            fail("to be empty, but its next value is " + MapView.show(next.get()));
        }
        return this;
    }

    public QueueMapAssert<V> isNotEmpty() {
        isNotNull();
        if (actual.peek().isEmpty()) {
            fail("not to be empty");
        }
        return this;
    }

    /** The value {@code pop} would return next: the oldest of a QUEUE, the newest of a STACK. */
    public QueueMapAssert<V> hasNext(V value) {
        isNotNull();
        Optional<V> next = actual.peek();
        if (next.isEmpty() || !Objects.deepEquals(next.get(), value)) {
            fail("to have " + MapView.show(value) + " next, but " + next.map(v -> "it has " + MapView.show(v))
                    .orElse("it is empty"));
        }
        return this;
    }

    private void fail(String expectation) {
        failWithMessage("%nExpecting %s '%s' (capacity %s)%n%s", actual.isStack() ? "stack" : "queue", actual.name(),
                actual.capacity(), expectation);
    }
}
