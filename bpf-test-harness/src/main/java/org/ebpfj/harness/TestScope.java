package org.ebpfj.harness;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the harness opened for one test (or one class): the loaded object and the links attached for it. JUnit
 * closes it with the context's store after the test, whether the test passed or failed; resources close in reverse
 * order of opening, so links are detached before their object is closed.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 closes only those; later ones AutoCloseable
final class TestScope implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestScope.class);

    /** How to close each resource, newest first; links and fixtures throw only unchecked exceptions. */
    private final Deque<Runnable> resources = new ArrayDeque<>();
    private LoadedFixture fixture;
    private boolean closed;

    /**
     * The scope of this context (a test method, or a class), made on first use. Store lookups fall through to
     * enclosing contexts, so the key names the context: a test of a per-class object must not find the class's scope.
     */
    static TestScope of(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(new Key(context.getUniqueId()), k -> new TestScope(),
                TestScope.class);
    }

    private record Key(String contextId) {
    }

    /** The scope's fixture, loaded on first use; a failed load is not remembered (the next use tries again). */
    synchronized LoadedFixture fixture(Supplier<LoadedFixture> load) {
        checkOpen();
        if (fixture == null) {
            fixture = load.get();
            resources.push(fixture::close);
        }
        return fixture;
    }

    /** An event reader or writer opened for this scope's test: closed after it, before the object. */
    synchronized <R extends AutoCloseable> R register(R resource) {
        checkOpen();
        resources.push(() -> {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + resource + " failed", e);
            }
        });
        return resource;
    }

    synchronized void register(org.ebpfj.kernel.program.BpfLink link) {
        checkOpen();
        resources.push(link::close);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the test's BPF resources were already closed");
        }
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        while (true) {
            Runnable next;
            synchronized (this) {
                closed = true;
                next = resources.poll();
            }
            if (next == null) {
                break;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
