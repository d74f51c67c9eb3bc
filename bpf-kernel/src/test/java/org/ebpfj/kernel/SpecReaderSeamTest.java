package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;

import org.ebpfj.kernel.error.MapCreateException;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.spec.MapOrigin;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.SourceLocation;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seam to bpf-object's reader: what a {@link LoadOptions.SpecReader} returns is kept as the object's spec and
 * gives maps their specs and map errors their source location. By default the reader is bpf-object's
 * ObjectSpecReader; most tests here put a stand-in in its place.
 */
@ExtendWith(RequireBpf.class)
class SpecReaderSeamTest {
    @Test
    void mapErrorsCarryTheReadersSourceLocation() {
        SourceLocation where = new SourceLocation("array_key8.bpf.c", 4, 9);
        LoadOptions.SpecReader reader = (name, bytes) -> new ObjectSpec(name, name, "GPL",
                List.of(MapSpec.builder("wide_key_array", MapType.ARRAY).keySize(8).valueSize(4).maxEntries(4)
                        .origin(MapOrigin.BTF_DEFINED).location(where).section(".maps").build()),
                List.of(), Optional.empty(), List.of(), List.of());
        MapCreateException e = catchThrowableOfType(MapCreateException.class, () -> TestObjects.load(
                TestObjects.ARRAY_KEY8, LoadOptions.builder().specReader(reader).build()).close());
        assertThat(e.spec().location()).isEqualTo(where);
        assertThat(e.spec().section()).isEqualTo(".maps");
    }

    @Test
    void theSpecIsKeptWithTheObject() {
        LoadOptions.SpecReader reader = (name, bytes) -> new ObjectSpec(name, name, "GPL", List.of(), List.of(),
                Optional.empty(), List.of(), List.of("read " + bytes.length + " bytes"));
        try (BpfObject o = TestObjects.load(TestObjects.SMALL, LoadOptions.builder().specReader(reader).build())) {
            assertThat(o.spec()).map(ObjectSpec::notes).hasValueSatisfying(n -> assertThat(n.get(0)).startsWith("read "));
        }
        try (BpfObject o = TestObjects.load(TestObjects.SMALL, LoadOptions.builder().withoutSpecReader().build())) {
            assertThat(o.spec()).isEmpty();
            assertThat(o.specProblem()).isEmpty();
        }
    }

    @Test
    void keyAndValueTypesComeFromTheReadersSpec() {
        byte[] bytes = TestObjects.bytes(TestObjects.TYPES);
        org.ebpfj.kernel.codec.ObjectBtf btf = org.ebpfj.kernel.codec.ObjectBtf.of(bytes);
        LoadOptions.SpecReader reader = (name, b) -> new ObjectSpec(name, name, "GPL",
                List.of(MapSpec.builder("events", MapType.HASH).keySize(16).valueSize(48).maxEntries(128)
                        .keyType(btf.struct("flow_key")).valueType(btf.struct("event")).build()),
                List.of(), Optional.of(btf.btf()), List.of(), List.of());
        try (BpfObject o = BpfObject.load(bytes, "types", LoadOptions.builder().specReader(reader).build())) {
            assertThat(o.rawMap("events").keyType()).hasValue(btf.struct("flow_key"));
            assertThat(o.rawMap("events").valueType().orElseThrow().btf()).isSameAs(btf.btf());
            assertThat(o.map("events", RecordMapTest.FlowKey.class, RecordMapTest.Event.class).count()).isZero();
            assertThat(o.rawMap("plain_hash").keyType()).as("not in the spec: libbpf's BTF").isPresent();
        }
    }

    @Test
    void byDefaultEveryMapKnowsItsDefinitionFromObjectSpecReader() {
        try (BpfObject o = TestObjects.load(TestObjects.SMALL,
                TestObjects.spec(TestObjects.SMALL).withMaxEntries("counts", 32))) {
            assertThat(o.spec()).isPresent();
            MapSpec counts = o.rawMap("counts").spec().orElseThrow();
            assertThat(counts.location()).isEqualTo(o.spec().get().map("counts").orElseThrow().location());
            assertThat(counts.location().file()).isEqualTo("small.bpf.c");
            assertThat(counts.location().hasLine()).isTrue();
            assertThat(counts.section()).isEqualTo(".maps");
            assertThat(counts.maxEntries()).as("the value libbpf sent, after the spec edit").isEqualTo(32);
            assertThat(counts.keyType()).isEqualTo(o.rawMap("counts").keyType()).isPresent();
            assertThat(counts.deferred()).isEmpty();
        }
    }

    @Test
    void anObjectTheReaderRefusesStillLoadsWithoutASpec() {
        LoadOptions.SpecReader refusing = (name, bytes) -> {
            throw new ObjectFormatException("test", 0, "refused by the test");
        };
        try (BpfObject o = TestObjects.load(TestObjects.SMALL, LoadOptions.builder().specReader(refusing).build())) {
            assertThat(o.spec()).isEmpty();
            assertThat(o.specProblem()).hasValueSatisfying(p -> assertThat(p).contains("refused by the test"));
            MapSpec counts = o.rawMap("counts").spec().orElseThrow();
            assertThat(counts.location()).isEqualTo(SourceLocation.ofObject("small"));
            assertThat(counts.keyType()).as("from libbpf's BTF").isPresent();
        }
    }

    @Test
    void standaloneMapsKeepTheirSpecAndPinnedOnesHaveNone() {
        MapSpec spec = MapSpec.builder("standalone", MapType.HASH).keySize(4).valueSize(4).maxEntries(2).build();
        try (RawMap m = RawMap.create(spec)) {
            assertThat(m.spec()).hasValue(spec);
            try (RawMap byId = RawMap.openById(m.info().id())) {
                assertThat(byId.spec()).isEmpty();
            }
        }
    }
}
