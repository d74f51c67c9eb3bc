package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.ebpfj.kernel.codec.Codecs;
import org.ebpfj.kernel.error.KeyExistsException;
import org.ebpfj.kernel.error.KeyNotFoundException;
import org.ebpfj.kernel.error.MapOperationException;
import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.IntIntMap;
import org.ebpfj.kernel.map.MapInfo;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.map.UpdateFlag;
import org.ebpfj.kernel.map.UpdateResult;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Single-element semantics the kernel decides, per map type (one table-driven test over the hash family). */
@ExtendWith(RequireBpf.class)
class MapSemanticsTest {

    private static BpfMap<Integer, Long> create(MapType type, int max) {
        return BpfMap.create(MapSpec.builder("sem_" + type.name().toLowerCase(), type).keySize(4).valueSize(8)
                .maxEntries(max).build(), Integer.class, Long.class);
    }

    @ParameterizedTest
    @EnumSource(value = MapType.class, names = {"HASH", "LRU_HASH"})
    void noexistExistAndDelete(MapType type) {
        try (BpfMap<Integer, Long> m = create(type, 64)) {
            assertThat(m.lookup(1)).isEmpty();
            assertThat(m.tryPut(1, 10L, UpdateFlag.EXIST)).isEqualTo(UpdateResult.KEY_NOT_FOUND);
            assertThatThrownBy(() -> m.put(1, 10L, UpdateFlag.EXIST)).isInstanceOf(KeyNotFoundException.class);

            m.put(1, 10L, UpdateFlag.NOEXIST);
            assertThat(m.lookup(1)).hasValue(10L);
            assertThat(m.tryPut(1, 11L, UpdateFlag.NOEXIST)).isEqualTo(UpdateResult.KEY_EXISTS);
            assertThatThrownBy(() -> m.put(1, 11L, UpdateFlag.NOEXIST))
                    .isInstanceOfSatisfying(KeyExistsException.class, e -> {
                        assertThat(e.errno()).isEqualTo(17);
                        assertThat(e.mapName()).isEqualTo(m.name());
                    })
                    .hasMessageContaining("key 1 already exists");
            assertThat(m.lookup(1)).as("a refused NOEXIST leaves the value").hasValue(10L);

            m.put(1, 12L, UpdateFlag.EXIST);
            assertThat(m.lookup(1)).hasValue(12L);
            assertThat(m.containsKey(1)).isTrue();
            assertThat(m.lookupAndDelete(1)).hasValue(12L);
            assertThat(m.containsKey(1)).isFalse();
            assertThat(m.remove(1)).isFalse();
            assertThatThrownBy(() -> m.delete(1)).isInstanceOf(KeyNotFoundException.class)
                    .hasMessageContaining("ENOENT on delete");
            m.put(2, 20L);
            m.delete(2);
            assertThat(m.count()).isZero();
        }
    }

    @Test
    void arrayElementsAlwaysExist() {
        try (BpfMap<Integer, Long> a = create(MapType.ARRAY, 4)) {
            assertThat(a.lookup(3)).as("arrays start zeroed").hasValue(0L);
            assertThat(a.lookup(4)).as("outside the array").isEmpty();
            assertThat(a.count()).isEqualTo(4);
            a.put(3, 33L, UpdateFlag.EXIST);
            assertThatThrownBy(() -> a.put(3, 1L, UpdateFlag.NOEXIST)).isInstanceOf(MapOperationException.class)
                    .hasMessageContaining("EEXIST").hasMessageContaining("every index of an ARRAY exists");
            assertThatThrownBy(() -> a.put(4, 1L)).isInstanceOfSatisfying(MapOperationException.class,
                            e -> assertThat(e.errno()).isEqualTo(7))
                    .hasMessageContaining("index 4 is outside the array (max_entries 4)");
            assertThatThrownBy(() -> a.remove(3)).isInstanceOf(MapOperationException.class)
                    .hasMessageContaining("ARRAY elements cannot be deleted");
            a.clear();
            assertThat(a.toMap()).isEqualTo(Map.of(0, 0L, 1, 0L, 2, 0L, 3, 0L));
        }
    }

    @Test
    void mapInfoComesFromTheKernel() {
        try (BpfObject o = TestObjects.load(TestObjects.TYPES)) {
            MapInfo info = o.rawMap("plain_hash").info();
            assertThat(info.type()).hasValue(MapType.HASH);
            assertThat(info).as("name, key size, value size, max entries, flags").extracting(MapInfo::name,
                    MapInfo::keySize, MapInfo::valueSize, MapInfo::maxEntries, MapInfo::flags)
                    .containsExactly("plain_hash", 4L, 4L, 4096L, 0L);
            assertThat(info.id()).isPositive();
            assertThat(info.btfId()).as("libbpf loads the object's BTF").isPositive();
            assertThat(KernelObjects.mapIds()).contains(info.id());
        }
    }

    @Test
    void codecSizesAreCheckedWhenTheHandleIsMade() {
        try (BpfObject o = TestObjects.load(TestObjects.TYPES)) {
            assertThatThrownBy(() -> o.map("plain_hash", Codecs.int64(), Codecs.int32()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("key_size 4, but the key codec int64 is 8 bytes");
            assertThatThrownBy(() -> o.map("plain_hash", Integer.class, Short.class))
                    .hasMessageContaining("value is 4 bytes, but Short (int16) is 2 bytes");
            assertThatThrownBy(() -> o.map("percpu_counts", Integer.class, Long.class))
                    .hasMessageContaining("use perCpu");
            assertThatThrownBy(() -> o.map("queue_map", Integer.class, Integer.class))
                    .hasMessageContaining("use queue");
            assertThatThrownBy(() -> o.rawMap("plain_hash").longLong()).hasMessageContaining("cannot be viewed as LongLongMap");
        }
    }

    @Test
    void handlesFailAfterTheObjectCloses() {
        IntIntMap m;
        BpfProgram p;
        try (BpfObject o = TestObjects.load(TestObjects.SMALL)) {
            m = o.rawMap("counts").intInt();
            p = o.program("count_packets");
            m.put(0, 1);
        }
        assertThatThrownBy(() -> m.lookup(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(p::fd).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingAMapOfAnObjectLeavesItUsable() {
        try (BpfObject o = TestObjects.load(TestObjects.SMALL)) {
            o.rawMap("counts").intInt().close();
            o.rawMap("counts").intInt().put(0, 1);
            assertThat(o.rawMap("counts").intInt().lookup(0)).hasValue(1);
        }
    }

    @Test
    void standaloneMapsFreeTheirDescriptorOnClose() {
        RawMap m = RawMap.create(MapSpec.builder("closing", MapType.HASH).keySize(4).valueSize(4).maxEntries(1)
                .build());
        int id = m.info().id();
        m.close();
        assertThat(m.isClosed()).isTrue();
        assertThat(KernelObjects.awaitGone(java.util.Set.of(id), KernelObjects::mapIds, 2000)).isEmpty();
    }
}
