package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;

import org.ebpfj.harness.generated.shapes.Address;
import org.ebpfj.harness.generated.shapes.Endpoint;
import org.ebpfj.harness.generated.shapes.Flags;
import org.ebpfj.harness.generated.shapes.Job;
import org.ebpfj.harness.generated.shapes.Odd;
import org.ebpfj.harness.generated.shapes.Padded;
import org.ebpfj.harness.generated.shapes.Path;
import org.ebpfj.harness.generated.shapes.Point;
import org.ebpfj.harness.generated.shapes.Segment;
import org.ebpfj.harness.generated.shapes.Shapes;
import org.ebpfj.harness.generated.shapes.State;
import org.ebpfj.harness.generated.shapes.Tally;
import org.ebpfj.kernel.CpuAffinity;
import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.UpdateFlag;
import org.ebpfj.kernel.program.TestRunOptions;
import org.junit.jupiter.api.Test;

/**
 * The generated records and skeleton of {@code shapes.bpf.o} (bpf-object's test objects) against the kernel: one
 * XDP test-run of {@code fill_shapes} writes known values into slot 0 of each shape's map and copies slot 1 to
 * slot 2. So slot 0 proves a record reads exactly what the program wrote, and a value written from Java into slot 1
 * and found again in slot 2 proves the program read what the record wrote (the copy is the program's own load).
 */
@BpfTest(skeleton = Shapes.class)
class GeneratedShapesTest {
    private static final TestRunOptions ONE_PACKET = TestRunOptions.zeroPacket(64);

    Shapes bpf;

    @MapRef(Shapes.MAP_SEGMENTS)
    BpfMap<Integer, Segment> segmentsByName;

    /** Writes {@code value} to slot 1, runs the program, and returns slot 0 (the program's) and slot 2 (the copy). */
    private static <V> List<V> roundTrip(BpfMap<Integer, V> map, V value, Shapes bpf) {
        map.put(1, value);
        assertThat(bpf.fillShapes().testRun(ONE_PACKET).returnValue()).isEqualTo(2); // XDP_PASS
        return List.of(map.lookup(0).orElseThrow(), map.lookup(2).orElseThrow());
    }

    @Test
    void nestedStructsAndAnUnsigned64BitValue() {
        Segment mine = new Segment(new Point(7, -8), new Point(Integer.MIN_VALUE, Integer.MAX_VALUE), -1L);
        List<Segment> slots = roundTrip(bpf.segments(), mine, bpf);

        assertThat(slots.get(0)).isEqualTo(new Segment(new Point(-1, 2), new Point(30, -40), 0xfedcba9876543210L));
        assertThat(Long.toUnsignedString(slots.get(0).length())).isEqualTo("18364758544493064720");
        assertThat(slots.get(1)).isEqualTo(mine);
    }

    @Test
    void arraysStringsAndArraysOfStructs() {
        Path mine = new Path("twelve bytes", new short[] {9, 8, 7}, new Point[] {new Point(1, 1), new Point(2, 2)},
                new byte[][] {{1, 2, 3}, {4, 5, 6}});
        List<Path> slots = roundTrip(bpf.paths(), mine, bpf);

        Path written = slots.get(0);
        assertThat(written.name()).isEqualTo("eth0");
        assertThat(written.hops()).containsExactly((short) 1, (short) -1, (short) 3);
        assertThat(Short.toUnsignedInt(written.hops()[1])).isEqualTo(65535);
        assertThat(written.points()).containsExactly(new Point(5, 0), new Point(0, -6));
        assertThat(written.grid()).isDeepEqualTo(new byte[][] {{0, 7, 0}, {0, 0, (byte) 200}});
        assertThat(slots.get(1)).isEqualTo(mine); // a 12-byte name fills char[12] without a NUL, as C allows
    }

    @Test
    void bitfieldsIncludingASignedOneAndOneAcrossABytes() {
        Flags mine = new Flags(0, 7, 15, 4095, 0x12345678);
        List<Flags> slots = roundTrip(bpf.flagSets(), mine, bpf);

        assertThat(slots.get(0)).isEqualTo(new Flags(1, 5, -3, 4000, 0xabcdef01));
        assertThat(slots.get(1)).isEqualTo(mine);
    }

    @Test
    void unionsAsViewsNamedAndAnonymous() {
        byte[] ipv6 = new byte[16];
        ipv6[15] = 1;
        Endpoint mine = new Endpoint(Address.ofIpv6(ipv6), (short) 443, Endpoint.TcpSeqOrUdpLen.ofUdpLen((short) 512));
        List<Endpoint> slots = roundTrip(bpf.endpoints(), mine, bpf);

        Endpoint written = slots.get(0);
        assertThat(written.addr().ipv4()).isEqualTo(0x0100007f);
        assertThat(written.addr().ipv6()[0]).isEqualTo((byte) 127);
        assertThat(written.port()).isEqualTo((short) 8080);
        assertThat(written.tcpSeqOrUdpLen().tcpSeq()).isEqualTo(0x11223344);
        assertThat(written.tcpSeqOrUdpLen().udpLen()).isEqualTo((short) 0x3344);
        assertThat(slots.get(1)).isEqualTo(mine);
        assertThat(slots.get(1).addr().ipv6()).isEqualTo(ipv6);
    }

    @Test
    void enumsWithTheirValuesAnd64BitEnums() {
        Job mine = new Job(State.STATE_RUNNING.value(), 1L, false);
        List<Job> slots = roundTrip(bpf.jobs(), mine, bpf);

        Job written = slots.get(0);
        assertThat(written.stateEnum()).contains(State.STATE_DONE);
        assertThat(written.big()).isEqualTo(0x100000000L);
        assertThat(written.urgent()).isTrue();
        assertThat(slots.get(1)).isEqualTo(mine);
        assertThat(new Job(99, 0, false).stateEnum()).isEmpty();
    }

    @Test
    void paddingIsSkippedOnReadAndZeroedOnWrite() {
        Padded mine = new Padded((byte) -1, -2, (short) -3, Long.MIN_VALUE, 5);
        List<Padded> slots = roundTrip(bpf.padding(), mine, bpf);

        assertThat(slots.get(0)).isEqualTo(new Padded((byte) 0x7f, 4242, (short) 65000, 1234567890123L, 9));
        assertThat(slots.get(1)).isEqualTo(mine);
        byte[] raw = bpf.padding().raw().lookup(new byte[] {2, 0, 0, 0}).orElseThrow();
        assertThat(raw).hasSize(Padded.BYTES);
        assertThat(new byte[] {raw[1], raw[2], raw[3], raw[10], raw[15], raw[28], raw[31]}).containsOnly(0);
    }

    @Test
    void pointersAs64BitAddressesAnd128BitIntegersAsBigIntegers() {
        Odd mine = new Odd(0xdeadbeefL, BigInteger.ONE.shiftLeft(127).add(BigInteger.TEN), 0.25);
        List<Odd> slots = roundTrip(bpf.odds(), mine, bpf);

        assertThat(slots.get(0).where()).isEqualTo(0x1000L);
        assertThat(slots.get(0).wide()).isEqualTo(new BigInteger("0102030405060708090a0b0c0d0e0f10", 16));
        assertThat(slots.get(1)).isEqualTo(mine);
    }

    @Test
    @PinnedToCpu
    void perCpuValuesPerCpu() {
        int cpu = pinnedCpu();
        Tally mine = new Tally(11, 22, 33);
        bpf.tallies().putAllCpus(1, mine, UpdateFlag.ANY);

        bpf.fillShapes().testRun(ONE_PACKET);

        List<Tally> written = bpf.tallies().lookup(0).orElseThrow();
        assertThat(written.get(cpu)).isEqualTo(new Tally(1, 2, 77));
        assertThat(written).filteredOn(t -> t.cpu() == 77).hasSize(1);
        assertThat(bpf.tallies().lookup(2).orElseThrow().get(cpu)).isEqualTo(mine);
    }

    @Test
    void structKeysAndGlobals() {
        bpf.fillShapes().testRun(ONE_PACKET);

        assertThat(bpf.byPoint().lookup(new Point(1, 2))).contains(99L);
        assertThat(bpf.runs()).isEqualTo(1L);
        assertThat(bpf.scale()).isEqualTo(1);
        assertThat(bpf.origin()).isEqualTo(new Point(3, 4));
        bpf.origin(new Point(5, 6));
        assertThat(bpf.origin()).isEqualTo(new Point(5, 6));
    }

    @Test
    void mapRefWithTheSkeletonsConstantGetsTheGeneratedCodec() {
        Segment value = new Segment(new Point(1, 2), new Point(3, 4), 5);
        segmentsByName.put(1, value);

        assertThat(bpf.segments().lookup(1)).contains(value);
        assertThat(segmentsByName.valueCodec().name()).contains("Segment");
    }

    private static int pinnedCpu() {
        BitSet allowed = CpuAffinity.current();
        assertThat(allowed.cardinality()).as("the test thread is pinned to one CPU").isEqualTo(1);
        return allowed.nextSetBit(0);
    }
}
