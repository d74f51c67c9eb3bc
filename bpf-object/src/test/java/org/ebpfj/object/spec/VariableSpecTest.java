package org.ebpfj.object.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ebpfj.object.testing.TestSources.lineOf;

import java.nio.ByteOrder;

import org.ebpfj.object.testing.TestObjects;
import org.junit.jupiter.api.Test;

/** Global variables in the spec (global_data.bpf.c): where each lives, its type, and the bytes it starts with. */
class VariableSpecTest {
    private static final String SRC = "global_data.bpf.c";

    private static ObjectSpec spec() throws Exception {
        return ObjectSpecReader.read(TestObjects.bytes(TestObjects.GLOBAL_DATA), "global_data.bpf.o");
    }

    @Test
    void everyVariableWithItsSectionPlaceTypeAndInitialValue() throws Exception {
        ObjectSpec spec = spec();

        assertThat(spec.variables()).extracting(VariableSpec::name).containsExactly(
                "packets_seen", "drops", "target_pid", "sample_every", "custom_hits", "hidden_counter",
                "total_bytes", "last_cpu",
                "CONFIG_NR_CPUS", "CONFIG_HZ", "LINUX_KERNEL_VERSION", "CONFIG_BPF_SYSCALL", "CONFIG_LOCALVERSION");
        check(spec, "packets_seen", ".data", "global_d.data", 0, 4, "int", 5);
        check(spec, "drops", ".data", "global_d.data", 8, 8, "__u64", 1);
        check(spec, "target_pid", ".rodata", "global_d.rodata", 0, 4, "const volatile __u32", 0);
        check(spec, "sample_every", ".rodata", "global_d.rodata", 8, 8, "const volatile __u64", 100);
        check(spec, "custom_hits", ".data.custom", ".data.custom", 0, 8, "__u64", 1);
        check(spec, "hidden_counter", ".data.hidden", ".data.hidden", 0, 4, "__u32", 7);
        check(spec, "total_bytes", ".bss", "global_d.bss", 0, 8, "__u64", 0);
        check(spec, "last_cpu", ".bss", "global_d.bss", 8, 4, "__u32", 0);
        // libbpf's .kconfig layout (align desc, size, name), filled by libbpf at load: zeros here.
        check(spec, "CONFIG_NR_CPUS", ".kconfig", "global_.kconfig", 0, 8, "unsigned long long", 0);
        check(spec, "CONFIG_HZ", ".kconfig", "global_.kconfig", 8, 4, "int", 0);
        check(spec, "LINUX_KERNEL_VERSION", ".kconfig", "global_.kconfig", 12, 4, "unsigned int", 0);
        assertThat(spec.variable("CONFIG_BPF_SYSCALL").orElseThrow().offset()).isEqualTo(16);
        assertThat(spec.variable("CONFIG_LOCALVERSION").orElseThrow()).satisfies(v -> {
            assertThat(v.offset()).isEqualTo(17);
            assertThat(v.value()).hasSize(16).containsOnly(0);
        });

        assertThat(spec.variable("hidden_counter").orElseThrow().global()).isFalse();
        assertThat(spec.variable("packets_seen").orElseThrow().global()).isTrue();
        assertThat(spec.variable("target_pid").orElseThrow().isReadOnly()).isTrue();
        assertThat(spec.variable("LINUX_KERNEL_VERSION").orElseThrow().isReadOnly()).isTrue();
        assertThat(spec.variable("drops").orElseThrow().isReadOnly()).isFalse();
        assertThat(spec.variable("target_pid").orElseThrow().location())
                .isEqualTo(new SourceLocation("objects/" + SRC, lineOf(SRC, "__u32 target_pid"), 0));
        assertThat(spec.variable("sample_every").orElseThrow())
                .hasToString("const volatile __u64 sample_every (.rodata+8, 8 bytes)");
        // Every variable's map is one of the object's maps.
        assertThat(spec.variables()).allSatisfy(v -> assertThat(spec.map(v.mapName())).isPresent());
    }

    private static void check(ObjectSpec spec, String name, String section, String map, long offset, long size,
                              String type, long initial) {
        VariableSpec v = spec.variable(name).orElseThrow();
        assertThat(v.section()).as(name).isEqualTo(section);
        assertThat(v.mapName()).as(name).isEqualTo(map);
        assertThat(v.offset()).as(name).isEqualTo(offset);
        assertThat(v.size()).as(name).isEqualTo(size);
        assertThat(v.type().describe()).as(name).isEqualTo(type);
        assertThat(v.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(size == 4 ? v.intValue() : v.longValue()).as(name).isEqualTo(initial);
    }

    @Test
    void aUserSetsAConstantOnACopyOfTheSpec() throws Exception {
        ObjectSpec spec = spec();
        VariableSpec pid = spec.variable("target_pid").orElseThrow();

        ObjectSpec edited = spec.withVariable(pid.withInt(4242));

        assertThat(edited.variable("target_pid").orElseThrow().intValue()).isEqualTo(4242);
        assertThat(edited.variable("target_pid").orElseThrow().value()).containsExactly(0x92, 0x10, 0, 0);
        assertThat(spec.variable("target_pid").orElseThrow().intValue()).as("the original is unchanged").isZero();
        assertThat(edited.variables()).hasSameSizeAs(spec.variables());
        assertThat(edited.withVariable(pid)).isEqualTo(spec);
        assertThat(spec.variable("sample_every").orElseThrow().withLong(-1).longValue()).isEqualTo(-1);
    }

    @Test
    void valuesOfTheWrongSizeAreRefusedWithTheType() throws Exception {
        VariableSpec pid = spec().variable("target_pid").orElseThrow();

        assertThatThrownBy(() -> pid.withLong(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variable 'target_pid' is 4 bytes (const volatile __u32), not 8");
        assertThatThrownBy(() -> pid.withValue(new byte[3])).hasMessageContaining("not 3");
        assertThatThrownBy(pid::longValue).hasMessageContaining("not 8");
        byte[] bytes = {1, 0, 0, 0};
        VariableSpec one = pid.withValue(bytes);
        bytes[0] = 9;
        assertThat(one.intValue()).as("the spec keeps its own copy").isEqualTo(1);
        one.value()[0] = 9;
        assertThat(one.intValue()).isEqualTo(1);
    }

    @Test
    void editingSomethingTheObjectDoesNotHaveIsAnError() throws Exception {
        ObjectSpec spec = spec();
        VariableSpec pid = spec.variable("target_pid").orElseThrow();
        VariableSpec elsewhere = new VariableSpec("nope", ".data", "global_d.data", 0, 4, pid.type(), true,
                ByteOrder.LITTLE_ENDIAN, new byte[4], pid.location());

        assertThatThrownBy(() -> spec.withVariable(elsewhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("global_data.bpf.o has no variable like");
        MapSpec bigger = spec.map("global_d.bss").orElseThrow().toBuilder().maxEntries(1).build();
        assertThat(spec.withMap(bigger).map("global_d.bss")).hasValue(bigger);
    }

    @Test
    void bigEndianObjectsEncodeValuesBigEndian() throws Exception {
        ObjectSpec spec = ObjectSpecReader.read(TestObjects.bytes(TestObjects.GLOBAL_DATA), "global_data.bpf.o");
        VariableSpec be = spec.variable("target_pid").orElseThrow();
        be = new VariableSpec(be.name(), be.section(), be.mapName(), be.offset(), be.size(), be.type(), be.global(),
                ByteOrder.BIG_ENDIAN, be.value(), be.location());
        assertThat(be.withInt(1).value()).containsExactly(0, 0, 0, 1);
    }
}
