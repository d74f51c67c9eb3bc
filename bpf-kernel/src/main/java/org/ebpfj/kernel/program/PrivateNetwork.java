package org.ebpfj.kernel.program;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.ebpfj.kernel.internal.sys.Bpf;
import org.ebpfj.kernel.internal.sys.Namespaces;

/**
 * A veth pair between two private network namespaces, for attaching XDP and TC programs where nothing of the
 * host's network is touched: side A ({@code 10.201.N.1}) and side B ({@code 10.201.N.2}) each live in their own
 * namespace, so datagrams from A to B really cross the pair. Made with iproute2's {@code ip}; closing deletes both
 * namespaces (and with them the pair). Work in a namespace runs on a thread that entered it ({@link #inB}).
 * <pre>{@code
 * try (PrivateNetwork net = PrivateNetwork.create()) {
 *     BpfLink l = net.inB(() -> NetworkAttachments.xdp(program, net.ifindexB()));
 *     net.sendUdpFromA(10, 9999);
 * }
 * }</pre>
 */
public final class PrivateNetwork implements AutoCloseable {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private final String nsA;
    private final String nsB;
    private final String ifA;
    private final String ifB;
    private final int subnet;
    private final int fdA;
    private final int fdB;
    private boolean closed;

    private PrivateNetwork(String base, int subnet) {
        this.nsA = base + "a";
        this.nsB = base + "b";
        this.ifA = base + "a";
        this.ifB = base + "b";
        this.subnet = subnet;
        List<String> made = new ArrayList<>();
        try {
            ip("netns", "add", nsA);
            made.add(nsA);
            ip("netns", "add", nsB);
            made.add(nsB);
            ip("link", "add", ifA, "netns", nsA, "type", "veth", "peer", "name", ifB, "netns", nsB);
            ip("-n", nsA, "addr", "add", "10.201." + subnet + ".1/30", "dev", ifA);
            ip("-n", nsB, "addr", "add", "10.201." + subnet + ".2/30", "dev", ifB);
            ip("-n", nsA, "link", "set", ifA, "up");
            ip("-n", nsB, "link", "set", ifB, "up");
            this.fdA = open(nsA);
            this.fdB = open(nsB);
        } catch (RuntimeException e) {
            made.forEach(ns -> quietly("netns", "del", ns));
            throw e;
        }
    }

    /** Makes a pair in two fresh namespaces named after this process (so parallel runs do not collide). */
    public static PrivateNetwork create() {
        int n = NEXT.getAndIncrement();
        long pid = ProcessHandle.current().pid();
        return new PrivateNetwork("ebpfj" + (pid % 100000) + "n" + n, (int) ((pid * 7 + n) % 250) + 1);
    }

    /** The namespace names, e.g. for {@code ip netns exec} in a test's log. */
    public String namespaceA() {
        return nsA;
    }

    public String namespaceB() {
        return nsB;
    }

    public String interfaceB() {
        return ifB;
    }

    public InetAddress addressB() {
        try {
            return InetAddress.getByName("10.201." + subnet + ".2");
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code work} in namespace B (attach there: interfaces are looked up in the caller's namespace). */
    public <T> T inB(Callable<T> work) {
        checkOpen();
        return InNamespace.run(fdB, nsB, work);
    }

    /** Runs {@code work} in namespace A. */
    public <T> T inA(Callable<T> work) {
        checkOpen();
        return InNamespace.run(fdA, nsA, work);
    }

    /** The index of side B's interface, in namespace B. */
    public int ifindexB() {
        return inB(() -> {
            int index = Namespaces.interfaceIndex(ifB);
            if (index < 0) {
                throw new IllegalStateException("interface " + ifB + " is missing in " + nsB + ": errno " + -index);
            }
            return index;
        });
    }

    /** Sends {@code count} UDP datagrams of 16 bytes from side A to side B's {@code port}. */
    public void sendUdpFromA(int count, int port) {
        inA(() -> {
            try (DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET)) {
                InetSocketAddress to = new InetSocketAddress(addressB(), port);
                for (int i = 0; i < count; i++) {
                    ch.send(ByteBuffer.wrap(("datagram " + (1000000 + i)).getBytes()), to);
                }
            }
            return null;
        });
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Bpf.close(fdA);
        Bpf.close(fdB);
        quietly("netns", "del", nsA);
        quietly("netns", "del", nsB);
    }

    private synchronized void checkOpen() {
        if (closed) {
            throw new IllegalStateException("private network " + nsA + "/" + nsB + " is closed");
        }
    }

    private static int open(String ns) {
        int fd = Namespaces.open("/run/netns/" + ns);
        if (fd < 0) {
            throw new IllegalStateException("cannot open network namespace " + ns + ": errno " + -fd);
        }
        return fd;
    }

    private static void ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run iproute2's 'ip' (install iproute2): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static void quietly(String... args) {
        try {
            ip(args);
        } catch (IllegalStateException ignored) {
            // cleanup goes on with the rest
        }
    }
}
