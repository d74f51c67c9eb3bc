package org.ebpfj.kernel.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.spec.MapCreateAttr;
import org.junit.jupiter.api.Test;

/**
 * A disagreement is reported as the attribute's line, to be pasted into the CLI's {@code predict}: the line must
 * give back exactly the attribute that was sent (nested maps of maps excepted, which the line format cannot hold).
 */
class AttrLinesTest {
    @Test
    void everyGeneratedAttributeParsesBackFromItsLine() throws ParseException {
        AttrGenerator generator = new AttrGenerator(KernelProfile.defaults(), 42);
        List<AttrGenerator.Generated> all = new ArrayList<>(generator.boundaryCases());
        for (int i = 0; i < 5_000; i++) {
            all.add(generator.randomCase());
        }
        int checked = 0;
        for (AttrGenerator.Generated g : all) {
            MapCreateAttr a = g.attr();
            if (a.innerMap().flatMap(MapCreateAttr::innerMap).isPresent()) {
                continue;
            }
            assertThat(MapCreateAttr.parse(a.toString())).as(a.toString()).isEqualTo(a);
            checked++;
        }
        assertThat(checked).isGreaterThan(30_000);
    }

    @Test
    void limitsFollowTheProfile() {
        KernelProfile small = KernelProfile.builder().pageSize(16384).nrCpus(64).build();
        long[] limits = new AttrGenerator(small, 1).limits();
        assertThat(limits).contains(small.kmallocMaxSize() - 48 - 1, small.kmallocMaxSize() - 48,
                small.kmallocMaxSize() - 48 - 2, 63L, 64L, 65L, 16383L, 16384L, 16385L, 0xFFFF_FFFFL, 0L);
        assertThat(limits).doesNotContain(-1L, 0x1_0000_0000L);
    }
}
