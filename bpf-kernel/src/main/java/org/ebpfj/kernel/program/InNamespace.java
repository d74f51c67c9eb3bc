package org.ebpfj.kernel.program;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.ebpfj.kernel.internal.sys.Namespaces;

/**
 * Runs work in a network namespace. {@code setns(2)} moves only the calling thread, so the work runs on a fresh
 * thread that enters the namespace first and ends after it: no pooled thread is ever left in another namespace.
 */
final class InNamespace {
    private InNamespace() {
    }

    /** Runs {@code work} in the network namespace open at {@code nsFd}. */
    static <T> T run(int nsFd, String description, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(() -> {
            int r = Namespaces.enterNetwork(nsFd);
            if (r < 0) {
                throw new IllegalStateException("cannot enter the network namespace " + description + ": errno "
                        + -r);
            }
            return work.call();
        });
        Thread t = new Thread(task, "ebpfj-netns");
        t.setDaemon(true);
        t.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while working in " + description, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
