package org.ebpfj.object.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * maps.json lists a map's deferred fields in {@link MapSpec#deferred()}'s order: that order must be the enum's,
 * the same in every JVM run, or a build that changed nothing rewrites the report.
 */
class MapSpecDeferredOrderTest {

    @Test
    void deferredFieldsIterateInTheEnumsOrderWhateverOrderTheyCameIn() {
        List<MapField> reversed = List.of(MapField.MAP_FLAGS, MapField.MAX_ENTRIES, MapField.VALUE_SIZE,
                MapField.KEY_SIZE);
        MapSpec.Builder builder = MapSpec.builder("m", 1);
        reversed.forEach(builder::deferred);
        MapSpec spec = builder.build();

        assertThat(spec.deferred()).containsExactly(MapField.KEY_SIZE, MapField.VALUE_SIZE, MapField.MAX_ENTRIES,
                MapField.MAP_FLAGS);
        // A copy through the record's constructor keeps the order too.
        MapSpec copy = spec.toBuilder().build();
        assertThat(copy.deferred()).containsExactlyElementsOf(spec.deferred());
        assertThat(new LinkedHashSet<>(copy.deferred())).isEqualTo(spec.deferred());
    }
}
