package org.ebpfj.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ebpfj.harness.RequiresMapType;
import org.ebpfj.kernel.error.MapCreateException;
import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.rules.MapRuleEngine;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;

/**
 * The article's other lesson: an ARRAY key is the 32-bit index, so an 8-byte key compiles and then fails at load
 * with "map create: invalid argument". The plugin's check goal refuses such an object at build time (so it cannot
 * be in this project); here the same map is created directly, and the kernel and the offline rules agree.
 */
@RequiresMapType(MapType.ARRAY) // skips with the reason (or fails, strict) when this process cannot use bpf()
class ArrayKeySizeTest {
    private static final MapSpec ARRAY_WITH_U64_KEY = MapSpec.builder("my_array_map", MapType.ARRAY)
            .keySize(8).valueSize(4).maxEntries(10).build();

    @Test
    void theKernelRefusesAnArrayWithAnEightByteKey() {
        assertThatThrownBy(() -> BpfMap.create(ARRAY_WITH_U64_KEY, Long.class, Integer.class))
                .isInstanceOfSatisfying(MapCreateException.class, e -> {
                    assertThat(e.errnoConstant()).hasValue(Errno.EINVAL);
                    assertThat(e.predictedRuleId()).hasValue("array.key-size");
                })
                .hasMessageContaining("invalid argument");
    }

    @Test
    void theOfflineRulesPredictTheSameAnswer() {
        MapRuleEngine rules = new MapRuleEngine(KernelProfile.defaults());

        var prediction = rules.predict(MapCreateAttr.of(MapType.ARRAY, 8, 4, 10));

        assertThat(prediction.errno()).hasValue(Errno.EINVAL);
        assertThat(prediction.ruleId()).hasValue("array.key-size");
        assertThat(rules.predict(MapCreateAttr.of(MapType.ARRAY, 4, 4, 10)).ok()).isTrue();
    }
}
