package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RequireBpf.class)
class SmokeTest {
    @Test
    void standaloneHash() {
        try (IntIntMap m = RawMap.create(MapSpec.builder("smoke", MapType.HASH).keySize(4).valueSize(4)
                .maxEntries(16).build()).intInt()) {
            m.put(1, 10);
            assertThat(m.lookup(1)).hasValue(10);
            assertThat(m.lookup(2)).isEmpty();
            assertThat(m.count()).isEqualTo(1);
        }
    }

    @Test
    void loadsObject() {
        try (BpfObject o = TestObjects.load(TestObjects.SMALL)) {
            System.out.println(o + " " + o.log().size());
            assertThat(o.mapNames()).contains("counts");
            TestRunResult r = o.program("count_packets").testRun(TestRunOptions.zeroPacket(64));
            assertThat(r.returnValue()).isEqualTo(2);
        }
    }
}
