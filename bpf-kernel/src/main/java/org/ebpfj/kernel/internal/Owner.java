package org.ebpfj.kernel.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The lifetime of the handles a loaded object gives out (maps, programs, links): they stay usable until the object
 * closes; then its links are closed and every handle is told that its descriptor is gone. The handles live in other
 * packages than the object, so they share this small class instead of package-private methods of the object.
 */
public final class Owner {
    private final String description;
    private final List<AutoCloseable> links = Collections.synchronizedList(new ArrayList<>());
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** @param description what is closed, for messages (e.g. {@code object 'probe'}) */
    public Owner(String description) {
        this.description = description;
    }

    public boolean isClosed() {
        return closed;
    }

    public void checkOpen() {
        if (closed) {
            throw new IllegalStateException(description + " is closed");
        }
    }

    /** A link made from one of the object's programs: closed with the object unless closed before. */
    public void track(AutoCloseable link) {
        links.add(link);
    }

    public void untrack(AutoCloseable link) {
        links.remove(link);
    }

    /** Runs when the object closes, after its links are closed (a handle marks itself unusable). */
    public void onClose(Runnable action) {
        onClose.add(action);
    }

    /**
     * Marks the object closed, closes its links, then runs the close actions.
     *
     * @return false when it was closed already (the caller has nothing left to release)
     */
    public boolean close() {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
        }
        List<AutoCloseable> open;
        synchronized (links) {
            open = new ArrayList<>(links);
        }
        for (AutoCloseable l : open) {
            try {
                l.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + l + " of " + description + " failed", e);
            }
        }
        onClose.forEach(Runnable::run);
        return true;
    }
}
