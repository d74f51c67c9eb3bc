package org.ebpfj.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.ebpfj.kernel.error.PermissionException;
import org.ebpfj.kernel.internal.sys.Bpf;
import org.ebpfj.kernel.internal.sys.BpfCommand;
import org.ebpfj.kernel.internal.sys.Errnos;

/**
 * The ids of every map, program, BTF object and link the kernel holds (BPF_*_GET_NEXT_ID; needs CAP_SYS_ADMIN).
 * Comparing snapshots before and after a test shows what it leaked. The kernel frees objects after their last
 * reference is gone, sometimes a little later (RCU), so compare with {@link #awaitGone}. On this process's side,
 * {@link #heldFds()} lists the file descriptors it holds on BPF objects.
 */
public final class KernelObjects {
    private KernelObjects() {
    }

    public static Set<Integer> mapIds() {
        return ids(BpfCommand.MAP_GET_NEXT_ID, "maps");
    }

    public static Set<Integer> programIds() {
        return ids(BpfCommand.PROG_GET_NEXT_ID, "programs");
    }

    public static Set<Integer> btfIds() {
        return ids(BpfCommand.BTF_GET_NEXT_ID, "BTF objects");
    }

    public static Set<Integer> linkIds() {
        return ids(BpfCommand.LINK_GET_NEXT_ID, "links");
    }

    private static Set<Integer> ids(BpfCommand cmd, String what) {
        Set<Integer> out = new TreeSet<>();
        int id = 0;
        while (true) {
            long next = Bpf.nextId(cmd, id);
            if (next == 0) {
                return out;
            }
            if (next < 0) {
                if (-next == Errnos.EPERM) {
                    throw new PermissionException("the kernel's " + what, "listing", Errnos.EPERM,
                            Set.of(Capability.CAP_SYS_ADMIN), java.util.Optional.empty(),
                            "listing BPF object ids needs CAP_SYS_ADMIN");
                }
                throw new IllegalStateException("listing " + what + " failed: "
                        + org.ebpfj.object.uapi.Errno.nameOf((int) -next));
            }
            out.add((int) next);
            id = (int) next;
        }
    }

    /**
     * Waits up to {@code timeoutMillis} until none of {@code ids} is still listed by {@code lister}.
     *
     * @return the ids still present at the end (empty when all are gone)
     */
    public static Set<Integer> awaitGone(Set<Integer> ids, java.util.function.Supplier<Set<Integer>> lister,
                                         long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            Set<Integer> left = new TreeSet<>(lister.get());
            left.retainAll(ids);
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return left;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left;
            }
        }
    }

    /**
     * The file descriptors this process holds on BPF objects (the anon inodes bpf-map, bpf-prog, btf, bpf_link),
     * each as {@code "fd -> target"}, sorted: compared before and after, they show what was left open.
     */
    public static List<String> heldFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(KernelObjects::describeFd).filter(s -> s.contains("bpf") || s.contains("btf")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describeFd(Path fd) {
        try {
            return fd.getFileName() + " -> " + Files.readSymbolicLink(fd);
        } catch (IOException e) {
            return fd.getFileName() + " -> ?"; // closed while listed
        }
    }
}
