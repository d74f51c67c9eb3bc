package org.ebpfj.kernel.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.RequireBpf;
import org.ebpfj.kernel.TestObjects;
import org.ebpfj.kernel.program.TestRunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tail calls through a PROG_ARRAY filled by program name, and maps of maps: filled, read back, used by a program. */
@ExtendWith(RequireBpf.class)
class JumpTablesTest {
    private static final int XDP_ABORTED = 0;
    private static final int XDP_PASS = 2;
    private static final int XDP_TX = 3;
    private static final TestRunOptions PACKET = TestRunOptions.zeroPacket(64);

    @Test
    void aTailCallJumpsOnlyOnceTheSlotHoldsTheTarget() {
        try (BpfObject o = TestObjects.load(TestObjects.NET)) {
            ProgramArray jumps = ProgramArray.of(o, "jump_table");
            assertThat(o.program("tail_entry").testRun(PACKET).returnValue()).as("empty slot: falls through")
                    .isEqualTo(XDP_ABORTED);
            jumps.set(0, "tail_target");
            assertThat(jumps.programId(0)).contains(o.program("tail_target").info().id());
            assertThat(o.program("tail_entry").testRun(PACKET).returnValue()).as("jumped").isEqualTo(XDP_TX);
            assertThat(jumps.clear(0)).isTrue();
            assertThat(o.program("tail_entry").testRun(PACKET).returnValue()).isEqualTo(XDP_ABORTED);
        }
    }

    @Test
    void programArrayRefusesOtherMapsAndSlotsOutOfRange() {
        try (BpfObject o = TestObjects.load(TestObjects.NET)) {
            assertThatThrownBy(() -> ProgramArray.of(o, "outer_array")).hasMessageContaining("not a PROG_ARRAY");
            assertThatThrownBy(() -> ProgramArray.of(o, "jump_table").set(4, "tail_target"))
                    .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("0..3");
        }
    }

    @Test
    void anArrayOfMapsHoldsTheInsertedMapAndTheProgramWritesThroughIt() {
        try (BpfObject o = TestObjects.load(TestObjects.NET)) {
            MapOfMaps outer = MapOfMaps.of(o.rawMap("outer_array"));
            assertThat(o.program("bump_inner").testRun(PACKET).returnValue()).as("slot empty").isEqualTo(XDP_ABORTED);
            outer.put(0, o.rawMap("inner_b"));
            assertThat(o.program("bump_inner").testRun(PACKET).returnValue()).isEqualTo(XDP_PASS);
            assertThat(o.rawMap("inner_b").intLong().lookup(0)).hasValue(1);
            assertThat(o.rawMap("inner_a").intLong().lookup(0)).hasValue(0);
            try (RawMap inner = outer.get(0).orElseThrow()) {
                assertThat(inner.info().id()).isEqualTo(o.rawMap("inner_b").info().id());
                assertThat(inner.intLong().lookup(0)).hasValue(1);
            }
            assertThat(outer.get(1)).isEmpty();
        }
    }

    @Test
    void aHashOfMapsFindsTheMapByKey() {
        try (BpfObject o = TestObjects.load(TestObjects.NET)) {
            MapOfMaps outer = MapOfMaps.of(o.rawMap("outer_hash"));
            outer.put(7, o.rawMap("inner_a"));
            assertThat(outer.innerId(ProgramArray.key(7))).contains(o.rawMap("inner_a").info().id());
            assertThat(outer.get(8)).isEmpty();
            assertThat(outer.remove(7)).isTrue();
            assertThat(outer.get(7)).isEmpty();
            assertThatThrownBy(() -> MapOfMaps.of(o.rawMap("jump_table"))).hasMessageContaining("not an ARRAY_OF_MAPS");
        }
    }
}
