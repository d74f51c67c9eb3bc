package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.ebpfj.kernel.map.MapInfo;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.kernel.program.TestRunOptions;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.VariableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The loader takes the spec: an unedited spec loads what the object says, an edited one what the edit says. */
@ExtendWith(RequireBpf.class)
class SpecLoadingTest {

    @ParameterizedTest
    @ValueSource(strings = {TestObjects.OVERFLOW, TestObjects.TYPES, TestObjects.SMALL})
    void anUneditedSpecLoadsExactlyWhatTheObjectSays(String resource) {
        try (BpfObject compiled = TestObjects.load(resource);
             BpfObject fromSpec = TestObjects.load(resource, TestObjects.spec(resource))) {
            assertThat(fromSpec.mapNames()).isEqualTo(compiled.mapNames());
            for (String m : compiled.mapNames()) {
                assertThat(shape(fromSpec.rawMap(m).info())).as("map " + m + " as the kernel made it")
                        .isEqualTo(shape(compiled.rawMap(m).info()));
            }
            assertThat(fromSpec.programs().stream().map(BpfProgram::isLoaded).toList())
                    .isEqualTo(compiled.programs().stream().map(BpfProgram::isLoaded).toList());
            for (VariableSpec v : fromSpec.spec().orElseThrow().variables()) {
                assertThat(fromSpec.variable(v.name()).getBytes()).as(v.toString())
                        .isEqualTo(compiled.variable(v.name()).getBytes());
            }
        }
    }

    @Test
    void editsOfMaxEntriesConstantsAndAutoloadReachTheKernel() {
        ObjectSpec spec = TestObjects.spec(TestObjects.TYPES).withMaxEntries("events", 7)
                .withMaxEntries("plain_hash", 33).withLong("packet_weight", 5);
        try (BpfObject o = TestObjects.load(TestObjects.TYPES, spec)) {
            assertThat(o.rawMap("events").info().maxEntries()).as("BPF_OBJ_GET_INFO_BY_FD").isEqualTo(7);
            assertThat(o.rawMap("plain_hash").info().maxEntries()).isEqualTo(33);
            o.program("touch_maps").testRun(TestRunOptions.zeroPacket(64));
            assertThat(o.variable("last_flow").get(RecordMapTest.FlowStats.class).bytes())
                    .as("the program read the edited constant").containsExactly(0, 5);
        }
        ObjectSpec noExec = TestObjects.spec(TestObjects.OVERFLOW).withAutoload("fill_on_exec", false);
        try (BpfObject o = TestObjects.load(TestObjects.OVERFLOW, noExec)) {
            assertThat(o.program("fill_on_exec").isLoaded()).isFalse();
            assertThat(o.program("fill_xdp").isLoaded()).isTrue();
        }
    }

    private static List<Long> shape(MapInfo i) {
        return List.of((long) i.typeId(), i.keySize(), i.valueSize(), i.maxEntries(), i.flags(), i.mapExtra());
    }
}
