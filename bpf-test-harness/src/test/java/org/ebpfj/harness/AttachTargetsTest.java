package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.GlobalVariable;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.kernel.program.NetworkAttachments;
import org.ebpfj.kernel.program.PrivateCgroup;
import org.ebpfj.kernel.program.PrivateNetwork;
import org.ebpfj.kernel.program.TcDirection;
import org.ebpfj.kernel.program.TcMode;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Attach targets the harness makes for a test (a veth pair between private network namespaces, a cgroup), removed
 * after it; and {@code @Attach BpfObject}, whose attachAll report is printed.
 */
class AttachTargetsTest {
    private static final String NET = "bpf/net.bpf.o";
    static volatile String namespaceSeen;
    static volatile java.nio.file.Path cgroupSeen;

    @TestKit.Fixture
    @BpfTest(object = NET)
    static class Targets {
        @ProgramRef("count_xdp") BpfProgram xdp;
        @ProgramRef("count_tc") BpfProgram tc;
        @ProgramRef("on_sock_create") BpfProgram sockCreate;
        @GlobalRef("xdp_udp") GlobalVariable xdpUdp;
        @GlobalRef("tc_udp") GlobalVariable tcUdp;
        @GlobalRef("sockets_created") GlobalVariable sockets;

        @Test
        void xdpAndTcSeeTheDatagramsSentThroughTheInjectedPair(PrivateNetwork net) {
            namespaceSeen = net.namespaceB();
            net.inB(() -> NetworkAttachments.xdp(xdp, net.ifindexB()));
            net.inB(() -> NetworkAttachments.tc(tc, net.ifindexB(), TcDirection.INGRESS, TcMode.AUTO));
            net.sendUdpFromA(6, 9999);
            assertThat(xdpUdp.getLong()).isEqualTo(6);
            assertThat(tcUdp.getLong()).isEqualTo(6);
        }

        @Test
        void aChildInTheInjectedCgroupIsSeen(PrivateCgroup cgroup) throws Exception {
            cgroupSeen = cgroup.path();
            NetworkAttachments.cgroup(sockCreate, cgroup.path());
            Process p = cgroup.start("bash", "-c", "exec 3<>/dev/udp/127.0.0.1/9");
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sockets.getLong()).isEqualTo(1);
        }

        @Test
        void attachAllReportsWhatItLeft(@Attach BpfObject object) {
            assertThat(object.programNames()).contains("count_xdp");
        }
    }

    @Test
    void targetsWorkAndAreGoneAfterTheTests() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        EngineExecutionResults results;
        System.setOut(new PrintStream(captured, true));
        try {
            results = TestKit.run(Targets.class);
        } finally {
            System.setOut(out);
        }
        System.out.print(captured);
        TestKit.assertAllSucceeded(results, 3);
        assertThat(Files.exists(java.nio.file.Path.of("/run/netns", namespaceSeen))).as("namespace removed").isFalse();
        assertThat(Files.exists(cgroupSeen)).as("cgroup removed").isFalse();
        assertThat(captured.toString()).contains("attachAll: 0 attached, 7 left")
                .contains("left count_xdp (XDP 'xdp'): needs an explicit target: an interface");
    }
}
