package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.ebpfj.object.report.FindingLine;
import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.spec.MapField;
import org.ebpfj.object.spec.MapOrigin;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.SourceLocation;
import org.ebpfj.object.spec.SpecProblem;
import org.ebpfj.object.spec.TestBtf;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;

/** check(MapSpec): libbpf's view first, then the kernel's first error, then advice. */
class MapCheckTest {
    private static final SourceLocation AT = new SourceLocation("src/main/bpf/probe.bpf.c", 12, 3);
    private final MapRuleEngine engine = new MapRuleEngine(KernelProfile.defaults());

    private static MapSpec.Builder map(String name, MapType type, long k, long v, long m) {
        return MapSpec.builder(name, type).keySize(k).valueSize(v).maxEntries(m).location(AT)
                .origin(MapOrigin.BTF_DEFINED).section(".maps");
    }

    private static List<String> ids(List<Violation> vs) {
        return vs.stream().map(v -> v.severity().label() + " " + v.ruleId()).toList();
    }

    @Test
    void reportsTheKernelsFirstErrorInTheMavenShape() {
        List<Violation> vs = engine.check(map("counts", MapType.ARRAY, 8, 4, 16).build());

        assertThat(vs).hasSize(1);
        assertThat(FindingLine.of(vs.get(0))).isEqualTo("src/main/bpf/probe.bpf.c:12: error: [array.key-size] map 'counts' "
                + "(ARRAY): key_size is 8, an ARRAY key is the 32-bit index: key_size must be 4 (kernel: EINVAL)");
        assertThat(vs.get(0).kernelFunction()).isEqualTo("array_map_alloc_check");
    }

    @Test
    void aFieldLeftToUserSpaceIsAWarningUntilAnOverrideGivesIt() {
        MapSpec spec = map("events", MapType.HASH, 4, 8, 0).deferred(MapField.MAX_ENTRIES).build();

        List<Violation> vs = engine.check(spec);
        assertThat(ids(vs)).containsExactly("warning libbpf.deferred-field");
        assertThat(vs.get(0).message()).isEqualTo("max_entries is not set in the object: user space must set it before "
                + "load (bpf_map__set_max_entries); give the value it will use with <mapOverrides> "
                + "(events.max_entries=...) to check it");

        MapRuleEngine withZero = new MapRuleEngine(KernelProfile.defaults(), CheckOptions.defaults()
                .withOverrides(MapOverrides.builder().set("events", MapField.MAX_ENTRIES, 0).build()));
        assertThat(ids(withZero.check(spec))).containsExactly("error hash.max-entries");

        MapRuleEngine withValue = new MapRuleEngine(KernelProfile.defaults(), CheckOptions.defaults()
                .withOverrides(MapOverrides.builder().set("events", MapField.MAX_ENTRIES, 4096).build()));
        MapReport r = withValue.report(spec);
        assertThat(r.violations()).isEmpty();
        assertThat(r.memory()).isPresent();
    }

    @Test
    void independentErrorsStillShowWhenAFieldIsDeferred() {
        MapSpec spec = map("events", MapType.HASH, 0, 8, 0).deferred(MapField.MAX_ENTRIES).build();

        assertThat(ids(engine.check(spec))).containsExactly("warning libbpf.deferred-field", "error hash.key-size");
        MapReport r = engine.report(spec);
        assertThat(r.prediction().orElseThrow().skipped()).contains("hash.max-entries");
        assertThat(r.memory()).isEmpty();
    }

    @Test
    void perfEventArraysWithoutMaxEntriesGetOneSlotPerCpu() {
        MapReport r = engine.report(map("events", MapType.PERF_EVENT_ARRAY, 4, 4, 0).build());
        assertThat(ids(r.violations())).containsExactly("info libbpf.perf-event-array-size");
        assertThat(r.attr().orElseThrow().maxEntries()).isEqualTo(2);

        assertThat(ids(engine.check(map("events", MapType.PERF_EVENT_ARRAY, 4, 4, 1).build())))
                .containsExactly("warning perf-event-array.max-entries");
        assertThat(engine.check(map("events", MapType.PERF_EVENT_ARRAY, 4, 4, 64).build())).isEmpty();
    }

    @Test
    void libbpfRoundsRingBufferSizesUpButNotZero() {
        MapReport r = engine.report(map("rb", MapType.RINGBUF, 0, 0, 5000).build());
        assertThat(ids(r.violations())).containsExactly("info libbpf.ringbuf-size");
        assertThat(r.violations().get(0).message()).contains("8192 bytes (8 KiB)");
        assertThat(r.attr().orElseThrow().maxEntries()).isEqualTo(8192);

        assertThat(ids(engine.check(map("rb", MapType.RINGBUF, 0, 0, 0).build()))).containsExactly("error ringbuf.size");
        assertThat(LibbpfCreation.adjustRingbufSize(4096, 4096)).isEqualTo(4096);
        assertThat(LibbpfCreation.adjustRingbufSize(4097, 4096)).isEqualTo(8192);
        assertThat(LibbpfCreation.adjustRingbufSize((1L << 31) + 1, 4096)).isEqualTo((1L << 31) + 1);
    }

    @Test
    void longNamesAreTruncatedForTheKernel() {
        List<Violation> vs = engine.check(map("a_rather_long_map_name", MapType.HASH, 4, 8, 16).build());
        assertThat(ids(vs)).containsExactly("info libbpf.map-name");
        assertThat(vs.get(0).message()).contains("'a_rather_long_m'");
    }

    @Test
    void btfTheKernelRejectsMakesLibbpfRetryWithoutIt() {
        TestBtf b = new TestBtf();
        int color = b.enumeration("color", 4);
        int u64 = b.integer("unsigned long long", 8, false);
        int lock = b.struct("bpf_spin_lock", 4, "val", b.integer("int", 4, true), 0);
        int locked = b.struct("locked", 16, "lock", lock, 0, "n", u64, 8);
        int u32 = b.integer("unsigned int", 4, false);

        List<Violation> arrayVs = engine.check(map("by_color", MapType.ARRAY, 4, 8, 4).keyType(b.ref(color))
                .valueType(b.ref(u64)).build());
        assertThat(ids(arrayVs)).containsExactly("warning libbpf.btf-retry");
        assertThat(arrayVs.get(0).message()).contains("32-bit integer").contains("EINVAL").contains("[array.btf-key]");

        assertThat(ids(engine.check(map("sessions", MapType.LRU_HASH, 4, 16, 1000).keyType(b.ref(u32))
                .valueType(b.ref(locked)).build()))).containsExactly("warning libbpf.btf-retry", "warning lru.capacity",
                "warning layout.padding", "warning layout.host-alignment"); // 4 bytes after the lock
        assertThat(ids(engine.check(map("sessions", MapType.HASH, 4, 16, 1000).keyType(b.ref(u32))
                .valueType(b.ref(locked)).build()))).containsExactly("warning layout.padding",
                "warning layout.host-alignment");

        List<Violation> storage = engine.check(map("task_data", MapType.TASK_STORAGE, 4, 8, 0)
                .flags(MapFlag.NO_PREALLOC).keyType(b.ref(color)).valueType(b.ref(u64)).build());
        assertThat(ids(storage)).containsExactly("error local-storage.btf");
        assertThat(storage.get(0).errno()).hasValue(Errno.EINVAL);
        assertThat(storage.get(0).message()).contains("after libbpf retried without BTF")
                .contains("must be int (the owner's fd)");
    }

    @Test
    void libbpfStripsBtfForTypesThatTakeNone() {
        TestBtf b = new TestBtf();
        int u32 = b.integer("unsigned int", 4, false);
        MapReport r = engine.report(map("events", MapType.PERF_EVENT_ARRAY, 4, 4, 2).keyType(b.ref(u32))
                .valueType(b.ref(u32)).build());
        assertThat(r.violations()).isEmpty();
        assertThat(r.attr().orElseThrow().sendsBtf()).isFalse();
    }

    @Test
    void globalDataMapsPassWithTheirDataSection() {
        TestBtf b = new TestBtf();
        int var = b.variable("counter", b.integer("long", 8, true));
        int bss = b.datasec(".bss", var, 0, 8);
        MapSpec spec = MapSpec.builder("probe.bss", MapType.ARRAY).keySize(4).valueSize(8).maxEntries(1)
                .flags(MapFlag.MMAPABLE).valueType(b.ref(bss)).origin(MapOrigin.GLOBAL_DATA).section(".bss")
                .location(AT).build();

        assertThat(engine.check(spec)).isEmpty();
    }

    @Test
    void mapsOfMapsCheckTheirInnerMapFirst() {
        MapSpec noInner = map("outer", MapType.ARRAY_OF_MAPS, 4, 4, 8).build();
        assertThat(ids(engine.check(noInner))).containsExactly("warning libbpf.inner-map");

        MapSpec badInner = map("outer", MapType.HASH_OF_MAPS, 4, 4, 8)
                .innerMap(MapSpec.builder("", MapType.ARRAY).keySize(8).valueSize(4).maxEntries(1).build()).build();
        List<Violation> vs = engine.check(badInner);
        assertThat(ids(vs)).containsExactly("error array.key-size");
        assertThat(vs.get(0).mapName()).isEqualTo("outer.inner");

        MapSpec progInner = map("outer", MapType.HASH_OF_MAPS, 4, 4, 8)
                .innerMap(MapSpec.builder("", MapType.PROG_ARRAY).keySize(4).valueSize(4).maxEntries(1).build())
                .build();
        assertThat(engine.check(progInner).get(0).errno()).hasValue(Errno.ENOTSUPP);
    }

    @Test
    void lruMapsGetTheirUsableCapacity() {
        Violation small = engine.check(map("flows", MapType.LRU_HASH, 4, 8, 100).build()).get(0);
        assertThat(small.severity()).isEqualTo(Severity.WARNING);
        assertThat(small.message()).contains("batches of 25").contains("after 101 distinct keys from one CPU it holds 76 of 100")
                .contains("keeps 76 to 100");

        Violation big = engine.check(map("flows", MapType.LRU_HASH, 4, 8, 10000).build()).get(0);
        assertThat(big.severity()).isEqualTo(Severity.INFO);

        Violation perCpu = engine.check(map("flows", MapType.LRU_HASH, 4, 8, 1003).flags(MapFlag.NO_COMMON_LRU)
                .build()).get(0);
        assertThat(perCpu.severity()).isEqualTo(Severity.WARNING);
        assertThat(perCpu.message()).contains("share of 502 of the 1004").contains("rounded up to 1004");
    }

    @Test
    void largeMapsWarnAndMapsBeyondRamFail() {
        MapSpec big = map("cache", MapType.HASH, 16, 1024, 1_000_000).build();
        List<Violation> vs = engine.check(big);
        assertThat(ids(vs)).containsExactly("warning memory.large");
        assertThat(vs.get(0).message()).contains("1 GiB").contains("256 MiB warning threshold");

        MapRuleEngine lenient = new MapRuleEngine(KernelProfile.defaults(),
                CheckOptions.defaults().withMemoryWarningBytes(4L << 30));
        assertThat(lenient.check(big)).isEmpty();

        MapSpec huge = map("cache", MapType.ARRAY, 4, 65536, 1_000_000).build();
        assertThat(ids(engine.check(huge))).containsExactly("error generic.memory");

        MapSpec growing = map("cache", MapType.HASH, 16, 65536, 1_000_000).flags(MapFlag.NO_PREALLOC).build();
        assertThat(engine.check(growing).get(0).message()).contains("more than the target's RAM");
    }

    @Test
    void structOpsValueSizesNeedTheKernelsBtfSoAreNotJudged() {
        MapReport r = engine.report(map("ca", MapType.STRUCT_OPS, 4, 256, 1).section(".struct_ops.link")
                .flags(MapFlag.LINK).build());
        assertThat(r.violations()).isEmpty();
        assertThat(r.prediction().orElseThrow().skipped()).contains("struct-ops.registered", "struct-ops.value-size");
    }

    @Test
    void objectsReportLoaderProblemsAndUnknownOverridesFirst() {
        MapSpec ok = map("counts", MapType.HASH, 4, 8, 16).build();
        MapSpec bad = map("idx", MapType.ARRAY, 2, 8, 16).build();
        SpecProblem legacy = new SpecProblem("old", "legacy-maps-section", Optional.of(Errno.EINVAL),
                "legacy 'maps' section: libbpf 1.0 no longer supports it", AT);
        ObjectSpec object = new ObjectSpec("probe.bpf.o", "probe", "GPL", List.of(ok, bad), List.of(),
                Optional.empty(), List.of(legacy), List.of());
        MapRuleEngine e = new MapRuleEngine(KernelProfile.defaults(), CheckOptions.defaults()
                .withOverrides(MapOverrides.builder().set("nope", MapField.MAX_ENTRIES, 1).build()));

        List<Violation> vs = e.check(object);

        assertThat(ids(vs)).containsExactly("error libbpf.legacy-maps-section", "warning overrides.unknown-map",
                "error array.key-size");
        assertThat(FindingLine.of(vs.get(0))).endsWith("(kernel: EINVAL)");
        assertThat(vs.get(1).message()).contains("'nope'").contains("[counts, idx]");
    }
}
