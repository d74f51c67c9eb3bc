package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.machine.KernelVersion;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.ObjectSpecReader;
import org.ebpfj.object.testing.TestObjects;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;

/**
 * The check of an object takes shortcuts the report does not: its findings go straight into one list, and its memory
 * estimate keeps only totals ({@link MemoryParts}). Both must agree with the full path.
 */
class CheckPathTest {
    private static final List<KernelProfile> PROFILES = List.of(KernelProfile.defaults(),
            KernelTargets.profile(KernelVersion.of(5, 10)), KernelTargets.profile(KernelVersion.of(6, 1)));

    @Test
    void theCheckOfAnObjectFindsWhatItsReportsFind() throws Exception {
        for (KernelProfile profile : PROFILES) {
            MapRuleEngine engine = new MapRuleEngine(profile);
            for (String name : TestObjects.ALL) {
                ObjectSpec spec = ObjectSpecReader.read(TestObjects.bytes(name), name);
                List<Violation> viaReports = new ArrayList<>(engine.problems(spec));
                for (MapReport r : engine.reports(spec)) {
                    viaReports.addAll(r.violations());
                }
                assertThat(engine.check(spec)).as(name + " on Linux " + profile.version())
                        .containsExactlyElementsOf(viaReports);
                for (MapSpec m : spec.maps()) {
                    assertThat(engine.check(m)).as(name + " " + m.name())
                            .containsExactlyElementsOf(engine.report(m).violations());
                }
            }
        }
    }

    @Test
    void anEstimateOfTotalsOnlyHasTheItemisedTotalsAndBasis() {
        long[] sizes = {0, 1, 4, 8, 13, 4096, 1 << 20, MapCreateAttr.U32_MAX};
        long[] flags = {0, MapFlag.NO_PREALLOC.mask(), MapFlag.MMAPABLE.mask(), MapFlag.NO_COMMON_LRU.mask()};
        int compared = 0;
        for (KernelProfile profile : PROFILES) {
            for (MapType type : MapType.values()) {
                for (long k : sizes) {
                    for (long v : sizes) {
                        for (long m : sizes) {
                            for (long f : flags) {
                                MapCreateAttr a = MapCreateAttr.builder(type).keySize(k).valueSize(v).maxEntries(m)
                                        .flags(f).mapExtra(m & 0xF).build();
                                MemoryEstimate full = MemoryModel.estimate(a, profile);
                                MemoryEstimate totals = MemoryModel.estimate(a, profile, false);
                                assertThat(totals.upfrontBytes()).as(a.toString()).isEqualTo(full.upfrontBytes());
                                assertThat(totals.fullBytes()).as(a.toString()).isEqualTo(full.fullBytes());
                                assertThat(totals.largestAllocation()).isEqualTo(full.largestAllocation());
                                assertThat(totals.basis()).isEqualTo(full.basis());
                                assertThat(totals.describe()).isEqualTo(full.describe());
                                assertThat(totals.parts()).isEmpty();
                                compared++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(100_000);
    }
}
