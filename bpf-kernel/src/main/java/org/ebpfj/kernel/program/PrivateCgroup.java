package org.ebpfj.kernel.program;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh cgroup v2 directory for attaching cgroup programs, and children started inside it: a child is held
 * at its first instruction (a shell waiting on stdin) until it has been moved into the cgroup, so everything it
 * does is seen by the cgroup's programs. Closing kills what is left of the children and removes the directory.
 */
public final class PrivateCgroup implements AutoCloseable {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private final Path dir;
    private final List<Process> children = new ArrayList<>();

    private PrivateCgroup(Path dir) {
        this.dir = dir;
    }

    /** Makes {@code ebpfj-<pid>-<n>} under the cgroup v2 mount (found in /proc/self/mounts). */
    public static PrivateCgroup create() {
        Path root = cgroup2Mount();
        Path dir = root.resolve("ebpfj-" + ProcessHandle.current().pid() + "-" + NEXT.getAndIncrement());
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the cgroup " + dir + " (needs root): " + e.getMessage(), e);
        }
        return new PrivateCgroup(dir);
    }

    public Path path() {
        return dir;
    }

    /**
     * Starts {@code command} inside this cgroup: a {@code /bin/sh} reads one line, is moved into the cgroup, then
     * is told to go on and {@code exec}s the command. Output is the process's; it is killed at {@link #close}.
     */
    public Process start(String... command) {
        try {
            List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", "read go && exec \"$@\"", "sh"));
            argv.addAll(List.of(command));
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            children.add(p);
            Files.writeString(dir.resolve("cgroup.procs"), Long.toString(p.pid()));
            try (OutputStream in = p.getOutputStream()) {
                in.write("go\n".getBytes());
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + List.of(command) + " in cgroup " + dir, e);
        }
    }

    @Override
    public void close() {
        for (Process p : children) {
            p.destroyForcibly();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove cgroup " + dir + " (a process still in it?)", e);
        }
    }

    private static Path cgroup2Mount() {
        try (var lines = Files.lines(Path.of("/proc/self/mounts"))) {
            return lines.map(l -> l.split(" ")).filter(f -> f.length > 2 && f[2].equals("cgroup2"))
                    .map(f -> Path.of(f[1])).findFirst().orElseThrow(() -> new IllegalStateException(
                            "no cgroup v2 mounted (see /proc/self/mounts); mount one: mount -t cgroup2 none <dir>"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
