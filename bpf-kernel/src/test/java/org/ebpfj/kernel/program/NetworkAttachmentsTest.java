package org.ebpfj.kernel.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.RequireBpf;
import org.ebpfj.kernel.TestObjects;
import org.ebpfj.kernel.error.AttachException;
import org.ebpfj.kernel.internal.sys.Bpf;
import org.ebpfj.kernel.internal.sys.Sockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * XDP, TC (tcx and the classic qdisc), socket filters and cgroup programs, each attached to something the test
 * made (a veth pair between two private network namespaces, a loopback socket, a fresh cgroup) and each proven by
 * the packets or sockets its program counted.
 */
@ExtendWith(RequireBpf.class)
class NetworkAttachmentsTest {
    private static final int PORT = 9999;

    @Test
    void xdpOnAVethInAPrivateNamespaceCountsTheDatagramsSentThrough() {
        try (BpfObject o = TestObjects.load(TestObjects.NET); PrivateNetwork net = PrivateNetwork.create()) {
            BpfLink link = net.inB(() -> NetworkAttachments.xdp(o.program("count_xdp"), net.ifindexB()));
            net.sendUdpFromA(7, PORT);
            assertThat(o.variable("xdp_udp").getLong()).isEqualTo(7);
            assertThat(link.id()).isPositive();
            link.close();
            net.sendUdpFromA(3, PORT);
            assertThat(o.variable("xdp_udp").getLong()).as("detached: no more counts").isEqualTo(7);
        }
    }

    /**
     * This kernel (6.18) has tcx, so AUTO chooses it: a kernel link with an id. CLASSIC is a clsact qdisc filter,
     * not a kernel link (fd -1), removed on close.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"AUTO, tcx ingress, true", "CLASSIC, tc clsact ingress, false"})
    void tcIngressCountsTheDatagramsUntilClosed(TcMode mode, String target, boolean kernelLink) {
        try (BpfObject o = TestObjects.load(TestObjects.NET); PrivateNetwork net = PrivateNetwork.create()) {
            BpfLink link = net.inB(() -> NetworkAttachments.tc(o.program("count_tc"), net.ifindexB(),
                    TcDirection.INGRESS, mode));
            assertThat(link.target()).startsWith(target);
            if (kernelLink) {
                assertThat(link.id()).isPositive();
            } else {
                assertThat(link.fd()).isEqualTo(-1);
            }
            net.sendUdpFromA(5, PORT);
            assertThat(o.variable("tc_udp").getLong()).isEqualTo(5);
            link.close(); // from this thread, in the root namespace: the detach goes back to B
            net.sendUdpFromA(2, PORT);
            assertThat(o.variable("tc_udp").getLong()).as("detached: no more counts").isEqualTo(5);
        }
    }

    @Test
    void tcOnAMissingInterfaceSaysWhich() {
        try (BpfObject o = TestObjects.load(TestObjects.NET)) {
            assertThatThrownBy(() -> NetworkAttachments.tc(o.program("count_tc"), 999_999, TcDirection.EGRESS,
                    TcMode.TCX)).isInstanceOf(AttachException.class).hasMessageContaining("tcx egress ifindex 999999");
        }
    }

    @Test
    void socketFilterDropsTheLongDatagramsAndKeepsTheShortOnes() throws Exception {
        int fd = Sockets.udpLoopback();
        assertThat(fd).as("socket").isNotNegative();
        try (BpfObject o = TestObjects.load(TestObjects.NET, TestObjects.spec(TestObjects.NET)
                .withInt("max_len", 40));
             Arena arena = Arena.ofConfined();
             DatagramChannel sender = DatagramChannel.open()) {
            BpfLink link = NetworkAttachments.socketFilter(o.program("drop_long"), fd);
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", Sockets.localPort(fd));
            sender.send(ByteBuffer.wrap(new byte[10]), to);  // 8 + 10 bytes: kept
            sender.send(ByteBuffer.wrap(new byte[100]), to); // dropped by the filter
            sender.send(ByteBuffer.wrap(new byte[12]), to);  // kept
            MemorySegment buf = arena.allocate(2048);
            assertThat(Sockets.receive(fd, buf)).isEqualTo(10);
            assertThat(Sockets.receive(fd, buf)).isEqualTo(12);
            assertThat(Sockets.receive(fd, buf)).as("nothing else queued").isEqualTo(-org.ebpfj.object.uapi.Errno.EAGAIN.number());
            assertThat(o.variable("filter_seen").getLong()).isEqualTo(3);
            link.close();
            sender.send(ByteBuffer.wrap(new byte[100]), to);
            assertThat(Sockets.receive(fd, buf)).as("detached: long datagrams arrive").isEqualTo(100);
        } finally {
            Bpf.close(fd);
        }
    }

    @Test
    void cgroupSockCreateSeesAndDeniesTheSocketsOfAChildInTheCgroup() throws Exception {
        try (BpfObject o = TestObjects.load(TestObjects.NET); PrivateCgroup cg = PrivateCgroup.create();
             BpfLink link = NetworkAttachments.cgroup(o.program("on_sock_create"), cg.path())) {
            assertThat(link.id()).isPositive();
            Process allowed = cg.start("bash", "-c", "exec 3<>/dev/udp/127.0.0.1/9 && echo opened");
            assertThat(allowed.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(allowed.getInputStream().readAllBytes())).contains("opened");
            assertThat(o.variable("sockets_created").getLong()).isEqualTo(1);

            o.variable("deny").setInt(1);
            Process denied = cg.start("bash", "-c", "exec 3<>/dev/udp/127.0.0.1/9 && echo opened");
            assertThat(denied.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(denied.getInputStream().readAllBytes())).doesNotContain("opened")
                    .contains("not permitted");
            assertThat(denied.exitValue()).isNotZero();
            assertThat(o.variable("sockets_created").getLong()).isEqualTo(2);
        }
    }
}
