package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.spec.BtfFacts;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.spec.SpecialField;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;

/** The rules the boundary table cannot express: raw BTF ids, BTF layouts, nested maps, another profile. */
class BtfPredictionTest {
    private final MapRuleEngine engine = new MapRuleEngine(KernelProfile.defaults());

    private static BtfFacts facts(BtfFacts.KeyShape shape, int bits, long key, long value) {
        return new BtfFacts(shape, bits, false, key == 0 && shape == BtfFacts.KeyShape.VOID ? OptionalLong.empty()
                : OptionalLong.of(key), OptionalLong.of(value), false, Set.of(), Optional.empty());
    }

    private void assertFails(MapCreateAttr attr, Errno errno, String rule) {
        Prediction p = engine.predict(attr);
        assertThat(p.errno()).as(p.toString()).hasValue(errno);
        assertThat(p.ruleId()).hasValue(rule);
    }

    @Test
    void vmlinuxValueTypeOnlyForStructOpsAndAlone() {
        assertFails(MapCreateAttr.of(MapType.HASH, 4, 8, 16).toBuilder().btfVmlinuxValueTypeId(7).build(),
                Errno.EINVAL, "generic.btf-vmlinux-value");
        assertFails(MapCreateAttr.of(MapType.STRUCT_OPS, 4, 256, 1).toBuilder().btfVmlinuxValueTypeId(7)
                .btfValueTypeId(3).build(), Errno.EINVAL, "generic.btf-vmlinux-value");
    }

    @Test
    void aKeyTypeNeedsAValueType() {
        assertFails(MapCreateAttr.of(MapType.HASH, 4, 8, 16).toBuilder().btfKeyTypeId(1).build(), Errno.EINVAL,
                "generic.btf-key-without-value");
        assertThat(engine.predict(MapCreateAttr.of(MapType.HASH, 4, 8, 16).toBuilder().btfKeyTypeId(1)
                .btfValueTypeId(2).build()).ok()).as("consistent ids without facts").isTrue();
    }

    @Test
    void keyAndValueTypesMustMatchTheSizes() {
        assertFails(MapCreateAttr.builder(MapType.HASH).keySize(4).valueSize(8).maxEntries(16)
                .withBtf(facts(BtfFacts.KeyShape.INT, 64, 8, 8)).build(), Errno.EINVAL, "btf.key-type");
        assertFails(MapCreateAttr.builder(MapType.HASH).keySize(4).valueSize(8).maxEntries(16)
                .withBtf(facts(BtfFacts.KeyShape.INT, 32, 4, 16)).build(), Errno.EINVAL, "btf.value-type");
    }

    @Test
    void aDuplicateLockIsE2big() {
        BtfFacts dup = new BtfFacts(BtfFacts.KeyShape.INT, 32, false, OptionalLong.of(4), OptionalLong.of(8), false,
                Set.of(SpecialField.SPIN_LOCK), Optional.of(SpecialField.SPIN_LOCK));
        assertFails(MapCreateAttr.builder(MapType.HASH).keySize(4).valueSize(8).maxEntries(16).withBtf(dup).build(),
                Errno.E2BIG, "btf.special-field-duplicate");
    }

    @Test
    void arrayKeysAreInt32OrAbsentForGlobalData() {
        MapCreateAttr.Builder array = MapCreateAttr.builder(MapType.ARRAY).keySize(4).valueSize(8).maxEntries(1);
        assertFails(array.withBtf(facts(BtfFacts.KeyShape.OTHER, 0, 4, 8)).build(), Errno.EINVAL, "array.btf-key");
        assertFails(array.withBtf(facts(BtfFacts.KeyShape.STRUCT, 0, 4, 8)).build(), Errno.EINVAL, "array.btf-key");

        BtfFacts dataSection = new BtfFacts(BtfFacts.KeyShape.VOID, 0, false, OptionalLong.empty(),
                OptionalLong.empty(), true, Set.of(), Optional.empty());
        assertThat(engine.predict(array.withBtf(dataSection).build()).ok()).isTrue();
        assertFails(array.maxEntries(2).withBtf(dataSection).build(), Errno.EINVAL, "array.btf-key");
        assertFails(MapCreateAttr.builder(MapType.PERCPU_ARRAY).keySize(4).valueSize(8).maxEntries(1)
                .withBtf(dataSection).build(), Errno.EINVAL, "array.btf-key");
    }

    @Test
    void aBloomFilterTakesNoKeyType() {
        BtfFacts emptyStructKey = new BtfFacts(BtfFacts.KeyShape.STRUCT, 0, false, OptionalLong.of(0),
                OptionalLong.of(8), false, Set.of(), Optional.empty());
        assertFails(MapCreateAttr.builder(MapType.BLOOM_FILTER).valueSize(8).maxEntries(16).withBtf(emptyStructKey)
                .build(), Errno.EINVAL, "bloom.btf-key");
    }

    @Test
    void localStorageKeysAreInts() {
        assertFails(MapCreateAttr.builder(MapType.TASK_STORAGE).keySize(4).valueSize(8).flags(MapFlag.NO_PREALLOC)
                .withBtf(facts(BtfFacts.KeyShape.OTHER, 0, 4, 8)).build(), Errno.EINVAL, "local-storage.btf-key");
    }

    @Test
    void anInnerMapThatIsItselfAMapOfMapsIsRejected() {
        MapCreateAttr innermost = MapCreateAttr.of(MapType.ARRAY, 4, 4, 1);
        MapCreateAttr inner = MapCreateAttr.of(MapType.ARRAY_OF_MAPS, 4, 4, 1).toBuilder().innerMap(innermost)
                .build();
        assertFails(MapCreateAttr.of(MapType.HASH_OF_MAPS, 4, 4, 4).toBuilder().innerMap(inner).build(),
                Errno.EINVAL, "map-in-map.nested");
    }

    @Test
    void anInnerMapThatCannotBeCreatedFailsFirst() {
        MapCreateAttr badInner = MapCreateAttr.of(MapType.ARRAY, 8, 4, 1);
        Prediction p = engine.predict(MapCreateAttr.of(MapType.HASH_OF_MAPS, 4, 8, 4).toBuilder().innerMap(badInner)
                .build());

        assertThat(p.inner()).isTrue();
        assertThat(p.ruleId()).hasValue("array.key-size");
        assertThat(p.message()).startsWith("inner map (ARRAY): key_size is 8");
    }

    @Test
    void arenasNeedJitSupport() {
        MapRuleEngine noArena = new MapRuleEngine(KernelProfile.builder().arenaJit(false).build());
        Prediction p = noArena.predict(MapCreateAttr.builder(MapType.ARENA).maxEntries(1).flags(MapFlag.MMAPABLE)
                .build());
        assertThat(p.errno()).hasValue(Errno.EOPNOTSUPP);
        assertThat(p.ruleId()).hasValue("arena.jit");
    }
}
