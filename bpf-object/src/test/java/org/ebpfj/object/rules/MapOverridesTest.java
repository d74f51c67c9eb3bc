package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.util.List;

import org.ebpfj.object.spec.MapField;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;

class MapOverridesTest {

    @Test
    void parsesEntriesWithDottedMapNames() throws Exception {
        MapOverrides o = MapOverrides.parse(List.of("events.max_entries=4096", "probe.bss.value_size=0x20",
                "flows.map_flags=NO_PREALLOC|NUMA_NODE", "queue.type=lru_hash"));

        assertThat(o.get("events", MapField.MAX_ENTRIES)).hasValue(4096L);
        assertThat(o.get("probe.bss", MapField.VALUE_SIZE)).hasValue(32L);
        assertThat(o.get("flows", MapField.MAP_FLAGS)).hasValue(MapFlag.maskOf(MapFlag.NO_PREALLOC,
                MapFlag.NUMA_NODE));
        assertThat(o.get("queue", MapField.TYPE)).hasValue((long) MapType.LRU_HASH.id());
        assertThat(o.mapNames()).containsExactly("events", "probe.bss", "flows", "queue");
    }

    @Test
    void rejectsMalformedEntries() {
        for (String bad : List.of("events", "max_entries=1", "events.size=1", "events.max_entries=-1",
                "events.max_entries=lots", "events.map_flags=FAST", "events.max_entries=4294967296")) {
            assertThatThrownBy(() -> MapOverrides.parse(List.of(bad))).as(bad).isInstanceOf(ParseException.class);
        }
    }

    @Test
    void applyingSetsTheValuesAndClearsTheDeferredMarks() {
        MapSpec spec = MapSpec.builder("events", MapType.HASH).keySize(4).valueSize(8).deferred(MapField.MAX_ENTRIES)
                .deferred(MapField.VALUE_SIZE).build();
        MapOverrides o = MapOverrides.builder().set("events", MapField.MAX_ENTRIES, 128)
                .set("events", MapField.TYPE, MapType.LRU_HASH.id()).build();

        MapSpec applied = o.applyTo(spec);

        assertThat(applied.maxEntries()).isEqualTo(128);
        assertThat(applied.is(MapType.LRU_HASH)).isTrue();
        assertThat(applied.deferred()).containsExactly(MapField.VALUE_SIZE);
        assertThat(MapOverrides.none().applyTo(spec)).isSameAs(spec);
    }
}
