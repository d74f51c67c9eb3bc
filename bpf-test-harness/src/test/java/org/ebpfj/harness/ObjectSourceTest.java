package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.nio.file.Path;

import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.VariableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Where objects come from and what the offline reader tells the harness before load (no kernel needed). */
class ObjectSourceTest {
    private static final ClassLoader LOADER = ObjectSourceTest.class.getClassLoader();
    private static final Path KINDS = Path.of("src/test/resources/bpf/kinds.bpf.o");

    @Test
    void classpathResourcesFileUrisAndPathsAllWork() {
        ObjectSource resource = ObjectSource.resolve("bpf/kinds.bpf.o", LOADER);
        ObjectSource slash = ObjectSource.resolve("/bpf/kinds.bpf.o", LOADER);
        ObjectSource prefixed = ObjectSource.resolve("classpath:bpf/kinds.bpf.o", LOADER);
        ObjectSource path = ObjectSource.resolve(KINDS.toString(), LOADER);
        ObjectSource relativeFile = ObjectSource.resolve("file:" + KINDS, LOADER);
        ObjectSource uri = ObjectSource.resolve(KINDS.toAbsolutePath().toUri().toString(), LOADER);

        for (ObjectSource s : new ObjectSource[] {resource, slash, prefixed, path, relativeFile, uri}) {
            assertThat(s.name()).isEqualTo("kinds");
            assertThat(s.bytes()).isEqualTo(resource.bytes());
        }
        assertThat(resource.origin()).endsWith("/bpf/kinds.bpf.o");
        assertThat(path.origin()).isEqualTo(KINDS.toAbsolutePath().toString());
    }

    @Test
    void aMissingObjectSaysWhereItWasLookedFor() {
        assertThatThrownBy(() -> ObjectSource.resolve("bpf/missing.bpf.o", LOADER))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("no classpath resource 'bpf/missing.bpf.o' and no file ")
                .hasMessageContaining("target/classes/bpf");
        assertThatThrownBy(() -> ObjectSource.resolve("file:/nowhere/x.bpf.o", LOADER))
                .hasMessageContaining("no file /nowhere/x.bpf.o");
        assertThatThrownBy(() -> ObjectSource.resolve(" ", LOADER)).hasMessageContaining("@BpfTest needs an object");
    }

    @Test
    void theOfflineReaderFindsGlobalsAndPinnedMaps() {
        ObjectSource hashVsLru = ObjectSource.resolve("bpf/hash_vs_lru.bpf.o", LOADER);

        ObjectSpec spec = hashVsLru.spec().orElseThrow();
        assertThat(spec.variable("target_ppid")).hasValueSatisfying(v -> {
            assertThat(v.size()).isEqualTo(4);
            assertThat(v.section()).isEqualTo(".rodata");
            assertThat(v.toString()).startsWith("const volatile __u32 target_ppid (.rodata+").endsWith(", 4 bytes)");
        });
        assertThat(spec.variables()).extracting(VariableSpec::name)
                .contains("hash_result", "execve_matches", "keys_to_insert");
        assertThat(hashVsLru.pinsMaps()).isFalse();
        assertThat(ObjectSource.resolve("bpf/pinned.bpf.o", LOADER).pinsMaps()).isTrue();
    }

    @Test
    void globalValuesAreEncodedInTheVariablesSize() {
        ObjectSource kinds = ObjectSource.resolve("bpf/kinds.bpf.o", LOADER);
        VariableSpec flowId = kinds.spec().orElseThrow().variable("flow_id").orElseThrow();           // __u32
        VariableSpec calls = kinds.spec().orElseThrow().variable("getppid_calls").orElseThrow();      // __u64

        assertThat(GlobalValues.encode(flowId, "0x01020304")).isEqualTo(ordered(4, 0x01020304L));
        assertThat(GlobalValues.encode(flowId, "-1")).isEqualTo(new byte[] {-1, -1, -1, -1});
        assertThat(GlobalValues.encode(flowId, "4294967295")).isEqualTo(new byte[] {-1, -1, -1, -1});
        assertThat(GlobalValues.encode(flowId, "true")).isEqualTo(ordered(4, 1));
        assertThat(GlobalValues.encode(flowId, "1_000")).isEqualTo(ordered(4, 1000));
        assertThat(GlobalValues.encode(calls, Global.TEST_JVM_PID)).isEqualTo(ordered(8, ProcessHandle.current()
                .pid()));
        assertThatThrownBy(() -> GlobalValues.encode(flowId, "4294967296")).hasMessageContaining("does not fit in 4"
                + " bytes; the variable is __u32 flow_id (.data+");
        assertThatThrownBy(() -> GlobalValues.encode(flowId, "many")).hasMessageContaining("is not a number");
    }

    private static byte[] ordered(int size, long value) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(value);
        byte[] out = new byte[size];
        System.arraycopy(b.array(), ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 0 : 8 - size, out, 0, size);
        return out;
    }
}
