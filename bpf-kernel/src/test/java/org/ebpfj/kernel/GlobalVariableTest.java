package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ebpfj.kernel.program.TestRunOptions;
import org.ebpfj.object.spec.ObjectSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Global variables: .bss/.data shared with the running programs, .rodata set before load and frozen after. */
@ExtendWith(RequireBpf.class)
class GlobalVariableTest {
    @Test
    void rodataIsSetBeforeLoadAndReadOnlyAfter() {
        ObjectSpec heavy = TestObjects.spec(TestObjects.TYPES).withLong("packet_weight", 100L);
        try (BpfObject o = TestObjects.load(TestObjects.TYPES, heavy)) {
            GlobalVariable weight = o.variable("packet_weight");
            assertThat(weight.section()).isEqualTo(".rodata");
            assertThat(weight.isReadOnly()).isTrue();
            assertThat(weight.getLong()).isEqualTo(100);
            assertThatThrownBy(() -> weight.setLong(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("set it in the spec before load");
            o.program("touch_maps").testRun(TestRunOptions.zeroPacket(64));
            assertThat(o.variable("last_flow").get(RecordMapTest.FlowStats.class).bytes()).containsExactly(0, 100);
        }
        try (BpfObject o = TestObjects.load(TestObjects.TYPES)) {
            assertThat(o.variable("packet_weight").getLong()).as("the compiled-in value").isEqualTo(64);
        }
    }

    @Test
    void bssWritesReachThePrograms() {
        long pid = ProcessHandle.current().pid();
        ObjectSpec options = TestObjects.spec(TestObjects.OVERFLOW).withInt("target_tgid", (int) pid);
        try (BpfObject o = TestObjects.load(TestObjects.OVERFLOW, options)) {
            GlobalVariable target = o.variable("target_tgid");
            assertThat(target.section()).isEqualTo(".bss");
            assertThat(target.mapName()).isEqualTo("overflow.bss");
            assertThat(target.getInt()).as("set before load").isEqualTo((int) pid);
            target.setInt(42);
            // the kernel's copy changed too: read it through the map itself (key 0 of the section's ARRAY)
            byte[] section = o.rawMap("overflow.bss").lookup(new byte[4]).orElseThrow();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(section).order(java.nio.ByteOrder.nativeOrder());
            assertThat(b.getInt(offsetOf(o, "target_tgid"))).isEqualTo(42);
            assertThatThrownBy(() -> target.setLong(1)).hasMessageContaining("is 4 bytes, not 8");
        }
    }

    @Test
    void unknownVariablesAreNamed() {
        try (BpfObject o = TestObjects.load(TestObjects.SMALL)) {
            assertThatThrownBy(() -> o.variable("nope")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no global variable 'nope'");
        }
        assertThatThrownBy(() -> TestObjects.spec(TestObjects.TYPES).withInt("packet_weight", 1))
                .hasMessageContaining("'packet_weight' is 8 bytes").hasMessageContaining("not 4");
    }

    @Test
    void variablesFailAfterClose() {
        GlobalVariable v;
        try (BpfObject o = TestObjects.load(TestObjects.OVERFLOW)) {
            v = o.variable("target_tgid");
        }
        assertThatThrownBy(v::getInt).isInstanceOf(IllegalStateException.class);
    }

    private static int offsetOf(BpfObject o, String variable) {
        var btf = o.btf().orElseThrow();
        for (var t : btf.types()) {
            if (t instanceof org.ebpfj.object.btf.BtfType.Datasec ds) {
                for (var v : ds.variables()) {
                    if (btf.type(v.type()).name().equals(variable)) {
                        return (int) v.offset();
                    }
                }
            }
        }
        throw new AssertionError("no " + variable);
    }
}
