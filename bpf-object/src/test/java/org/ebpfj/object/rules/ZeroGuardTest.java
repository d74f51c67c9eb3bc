package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.machine.KernelVersion;
import org.ebpfj.object.spec.BtfFacts;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;

/**
 * The engine passes a guarded rule without calling it while the fields of its {@link ZeroGuard} are 0. Each guard
 * is a claim about the rule's own check; this proves the claim by calling the check on every attribute of a grid
 * (each type the rule applies to, sizes at and around the kernel's limits, every flag alone for the rules not
 * guarded by the flags, with and without BTF) on three kernels, with the guarded fields 0.
 */
class ZeroGuardTest {
    private static final long[] KEYS = {0, 1, 4, 8, 16, 512, MapCreateAttr.U32_MAX};
    private static final long[] VALUES = {0, 1, 8, 4096, 1 << 24, MapCreateAttr.U32_MAX};
    private static final long[] ENTRIES = {0, 1, 4096, MapCreateAttr.U32_MAX};
    private static final List<KernelProfile> PROFILES = List.of(KernelProfile.defaults(),
            KernelTargets.profile(KernelVersion.of(5, 10)), KernelTargets.profile(KernelVersion.of(6, 1)));

    @Test
    void aGuardedRuleNeverFiresWhileItsFieldsAreZero() {
        int guarded = 0;
        long[] asked = {0};
        for (KernelRule rule : KernelRules.ordered()) {
            long guard = ZeroGuard.of(rule.check());
            if (guard == 0) {
                continue;
            }
            guarded++;
            grid(rule, guard, attr -> {
                for (KernelProfile profile : PROFILES) {
                    CreateContext c = new CreateContext(attr, profile, profile.knownFlags(),
                            profile.hasFlag(MapFlag.TOKEN_FD));
                    Optional<String> fired = rule.check().test(c);
                    if (fired.isPresent()) {
                        assertThat(fired).as(rule.id() + " on " + attr + " (Linux " + profile.version() + ")")
                                .isEmpty();
                    }
                    asked[0]++;
                }
            });
        }
        assertThat(guarded).as("rules with a guard").isGreaterThanOrEqualTo(25);
        assertThat(asked[0]).isGreaterThan(100_000);
    }

    @Test
    void theEngineSkipsOnlyWhatTheGuardAllows() {
        // A guarded rule still fires once its field is set: the guard must not hide real refusals.
        MapRuleEngine engine = new MapRuleEngine(KernelProfile.defaults());
        MapCreateAttr both = MapCreateAttr.builder(MapType.HASH).keySize(4).valueSize(4).maxEntries(8)
                .flags(MapFlag.maskOf(MapFlag.RDONLY, MapFlag.WRONLY)).build();
        assertThat(engine.predict(both).ruleId()).contains("generic.rdonly-wronly");
        MapCreateAttr extra = MapCreateAttr.builder(MapType.HASH).keySize(4).valueSize(4).maxEntries(8)
                .mapExtra(3).build();
        assertThat(engine.predict(extra).ruleId()).contains("generic.map-extra");
    }

    /** Attributes of the rule's types with the guarded fields 0 and everything else varied. */
    private static void grid(KernelRule rule, long guard, Consumer<MapCreateAttr> each) {
        List<Long> flags = new ArrayList<>(List.of(0L));
        if ((guard & ZeroGuard.FLAGS) == 0) {
            for (MapFlag f : MapFlag.values()) {
                flags.add(f.mask());
            }
        }
        long[] extras = (guard & ZeroGuard.MAP_EXTRA) == 0 ? new long[] {0, 3} : new long[] {0};
        boolean[] btf = (guard & (ZeroGuard.BTF_KEY | ZeroGuard.BTF_VALUE)) == 0 ? new boolean[] {false, true}
                : new boolean[] {false};
        for (MapType type : MapType.values()) {
            if (type == MapType.UNSPEC || !rule.appliesTo(type.id())) {
                continue;
            }
            for (long k : KEYS) {
                for (long v : VALUES) {
                    for (long m : ENTRIES) {
                        for (long f : flags) {
                            for (long extra : extras) {
                                for (boolean withBtf : btf) {
                                    MapCreateAttr.Builder b = MapCreateAttr.builder(type).keySize(k).valueSize(v)
                                            .maxEntries(m).flags(f).mapExtra(extra).numaNode(1);
                                    if (withBtf) {
                                        b.btfKeyTypeId(1).btfValueTypeId(2).btf(BtfFacts.simple(k, v));
                                    }
                                    each.accept(b.build());
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
