package org.ebpfj.object.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebpfj.object.spec.MapExpectation.map;
import static org.ebpfj.object.testing.TestSources.lineOf;

import java.util.List;
import java.util.Optional;

import org.ebpfj.object.testing.TestObjects;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BTF-defined maps ({@code .maps}), read from the committed objects; see their C sources for the declarations. */
class BtfMapsTest {

    static ObjectSpec read(String object) throws Exception {
        return ObjectSpecReader.read(TestObjects.bytes(object), object);
    }

    private static SourceLocation decl(String source, String needle) {
        return new SourceLocation("objects/" + source, lineOf(source, needle), 0);
    }

    private static SourceLocation valid(String mapName) {
        return decl("maps_valid.bpf.c", "} " + mapName + " SEC(\".maps\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {TestObjects.MAPS_VALID, TestObjects.MAPS_VALID_BPFEB, TestObjects.MAPS_VALID_DWARF4})
    void readsEveryValidMapDefinition(String object) throws Exception {
        ObjectSpec spec = read(object);

        assertThat(spec.file()).isEqualTo(object);
        assertThat(spec.name()).isEqualTo("maps_valid");
        assertThat(spec.license()).isEqualTo("Dual BSD/GPL");
        assertThat(spec.btf()).isPresent();
        assertThat(spec.problems()).isEmpty();

        List<MapExpectation> expected = List.of(
                map("first_inner", MapType.ARRAY).sizes(4, 8, 8).types("__u32", "__u64")
                        .at(decl("maps_valid.bpf.c", "first_inner SEC(")).deferred(MapField.MAP_FLAGS),
                map("outer_array", MapType.ARRAY_OF_MAPS).sizes(4, 4, 4).types("__u32", null)
                        .at(valid("outer_array")).deferred(MapField.MAP_FLAGS)
                        .inner(map("outer_array.inner", MapType.ARRAY).sizes(4, 8, 8).types("__u32", "__u64")
                                .at(valid("outer_array")).deferred(MapField.MAP_FLAGS)),
                map("jump_table", MapType.PROG_ARRAY).sizes(4, 4, 8).at(valid("jump_table"))
                        .deferred(MapField.MAP_FLAGS),
                map("counters", MapType.ARRAY).sizes(4, 16, 16).types("__u32", "struct flow_stats")
                        .at(valid("counters")).deferred(MapField.MAP_FLAGS),
                map("flows", MapType.HASH).sizes(16, 16, 1024).types("struct flow_key", "struct flow_stats")
                        .at(valid("flows")).deferred(MapField.MAP_FLAGS),
                map("work_queue", MapType.QUEUE).sizes(0, 16, 64).types(null, "struct flow_key")
                        .at(valid("work_queue")).deferred(MapField.KEY_SIZE, MapField.MAP_FLAGS),
                map("lru_seen", MapType.LRU_HASH).sizes(4, 8, 4096).types("__u32", "__u64")
                        .at(valid("lru_seen")).deferred(MapField.MAP_FLAGS),
                map("scratch", MapType.PERCPU_ARRAY).sizes(4, 64, 1).at(valid("scratch"))
                        .deferred(MapField.MAP_FLAGS),
                map("percpu_hash", MapType.PERCPU_HASH).sizes(8, 4, 128).flags(MapFlag.NO_PREALLOC.mask())
                        .types("__u64", "__u32").at(valid("percpu_hash")),
                // Not rounded to a page multiple, not made per-CPU: loader adjustments are the rule engine's.
                map("events", MapType.RINGBUF).sizes(0, 0, 256 * 1024).at(valid("events"))
                        .deferred(MapField.KEY_SIZE, MapField.VALUE_SIZE, MapField.MAP_FLAGS),
                map("perf_out", MapType.PERF_EVENT_ARRAY).sizes(4, 4, 0).at(valid("perf_out"))
                        .deferred(MapField.MAX_ENTRIES, MapField.MAP_FLAGS),
                map("routes", MapType.LPM_TRIE).sizes(8, 4, 255).flags(MapFlag.NO_PREALLOC.mask())
                        .types("struct lpm_v4_key", "__u32").at(valid("routes")),
                map("outer_hash", MapType.HASH_OF_MAPS).sizes(4, 4, 32).types("__u32", null)
                        .at(valid("outer_hash")).deferred(MapField.MAP_FLAGS)
                        .inner(map("outer_hash.inner", MapType.ARRAY).sizes(4, 8, 8).types("__u32", "__u64")
                                .at(valid("outer_hash")).deferred(MapField.MAP_FLAGS)),
                map("pinned_numa", MapType.HASH).sizes(4, 4, 100).flags(MapFlag.NUMA_NODE.mask())
                        .pinning(Pinning.BY_NAME).numaNode(0).types("__u32", "__u32").at(valid("pinned_numa")),
                map("bloom", MapType.BLOOM_FILTER).sizes(0, 8, 1000).mapExtra(3).types(null, "__u64")
                        .at(valid("bloom")).deferred(MapField.KEY_SIZE, MapField.MAP_FLAGS));

        assertThat(spec.maps()).extracting(MapSpec::name)
                .containsExactlyElementsOf(expected.stream().map(MapExpectation::name).toList());
        for (int i = 0; i < expected.size(); i++) {
            expected.get(i).check(spec.maps().get(i));
        }
    }

    @Test
    void bothByteOrdersAndDwarfVersionsGiveTheSameMaps() throws Exception {
        List<String> le = describe(read(TestObjects.MAPS_VALID));
        assertThat(describe(read(TestObjects.MAPS_VALID_BPFEB))).isEqualTo(le);
        assertThat(describe(read(TestObjects.MAPS_VALID_DWARF4))).isEqualTo(le);
        assertThat(read(TestObjects.MAPS_VALID_BPFEB).notes()).singleElement().asString()
                .contains("big-endian (bpfeb) object");
        assertThat(read(TestObjects.MAPS_VALID).notes()).isEmpty();
    }

    private static List<String> describe(ObjectSpec s) {
        return s.maps().stream().map(m -> m + " " + m.keyType() + " " + m.valueType() + " " + m.innerMap() + " "
                + m.location() + " " + m.deferred() + " " + m.pinning() + " " + m.mapExtra()).toList();
    }

    @Test
    void readsDefinitionsTheKernelWillRefuseExactlyAsDeclared() throws Exception {
        ObjectSpec spec = read(TestObjects.MAPS_INVALID);
        String src = "maps_invalid.bpf.c";

        assertThat(spec.problems()).isEmpty();
        assertThat(spec.maps()).hasSize(4);
        map("wide_key_array", MapType.ARRAY).sizes(8, 4, 16).types("__u64", "__u32")
                .at(decl(src, "} wide_key_array")).deferred(MapField.MAP_FLAGS).check(spec.maps().get(0));
        map("huge_hash", MapType.HASH).sizes(4, 4 * 1024 * 1024, 4).types("__u32", "struct big_value")
                .at(decl(src, "} huge_hash")).deferred(MapField.MAP_FLAGS).check(spec.maps().get(1));
        map("unsized_hash", MapType.HASH).sizes(4, 8, 0).types("__u32", "__u64")
                .at(decl(src, "} unsized_hash")).deferred(MapField.MAX_ENTRIES, MapField.MAP_FLAGS)
                .check(spec.maps().get(2));
        map("numa_elsewhere", MapType.HASH).sizes(4, 4, 16).flags(MapFlag.NUMA_NODE.mask()).numaNode(1)
                .types("__u32", "__u32").at(decl(src, "} numa_elsewhere")).check(spec.maps().get(3));
    }

    @Test
    void recordsWhatLibbpfRefusesWithItsErrnoInLibbpfOrder() throws Exception {
        ObjectSpec spec = read(TestObjects.MAPS_REJECTED);
        String src = "maps_rejected.bpf.c";

        assertThat(spec.problems()).containsExactly(
                new SpecProblem("", ProblemCodes.PROGRAM_STATIC, Optional.of(Errno.EOPNOTSUPP),
                        "sec 'xdp': program 'static_prog' is static and not supported",
                        decl(src, "static int static_prog(")),
                new SpecProblem("unknown_field", ProblemCodes.MAP_UNKNOWN_FIELD, Optional.of(Errno.EOPNOTSUPP),
                        "map 'unknown_field': unknown field 'color'.", decl(src, "} unknown_field")),
                new SpecProblem("key_size_mismatch", ProblemCodes.MAP_KEY_SIZE_CONFLICT, Optional.of(Errno.EINVAL),
                        "map 'key_size_mismatch': conflicting key size 4 != 8.", decl(src, "} key_size_mismatch")),
                new SpecProblem("bad_pinning", ProblemCodes.MAP_PINNING_INVALID, Optional.of(Errno.EINVAL),
                        "map 'bad_pinning': invalid pinning value 2.", decl(src, "} bad_pinning")),
                new SpecProblem("values_on_hash", ProblemCodes.MAP_VALUES_NOT_ALLOWED,
                        Optional.of(Errno.EOPNOTSUPP), "map 'values_on_hash': should be map-in-map or prog-array.",
                        decl(src, "} values_on_hash")),
                new SpecProblem("no_type", ProblemCodes.MAP_TYPE_MISSING, Optional.of(Errno.EINVAL),
                        "map 'no_type': map type isn't specified.", decl(src, "} no_type")),
                new SpecProblem("static_map", ProblemCodes.MAP_STATIC, Optional.of(Errno.EOPNOTSUPP),
                        "map 'static_map': unsupported map linkage static.", decl(src, "} static_map")));

        // Every map is still described, as far as its definition goes.
        assertThat(spec.maps()).extracting(MapSpec::name).containsExactly("unknown_field", "key_size_mismatch",
                "bad_pinning", "values_on_hash", "no_type", "static_map");
        map("unknown_field", MapType.HASH).sizes(4, 4, 8).types("__u32", "__u32").at(decl(src, "} unknown_field"))
                .deferred(MapField.MAP_FLAGS).check(spec.maps().get(0));
        // The first size wins; the conflicting key type is kept so messages can name it.
        map("key_size_mismatch", MapType.HASH).sizes(4, 4, 8).types("__u64", "__u32")
                .at(decl(src, "} key_size_mismatch")).deferred(MapField.MAP_FLAGS).check(spec.maps().get(1));
        map("values_on_hash", MapType.HASH).sizes(4, 0, 8).types("__u32", null).at(decl(src, "} values_on_hash"))
                .deferred(MapField.VALUE_SIZE, MapField.MAP_FLAGS).check(spec.maps().get(3));
        map("no_type", MapType.UNSPEC).sizes(4, 4, 8).types("__u32", "__u32").at(decl(src, "} no_type"))
                .deferred(MapField.TYPE, MapField.MAP_FLAGS).check(spec.maps().get(4));
        assertThat(spec.programs()).extracting(ProgramSpec::name).containsExactly("static_prog", "use_maps");
    }
}
