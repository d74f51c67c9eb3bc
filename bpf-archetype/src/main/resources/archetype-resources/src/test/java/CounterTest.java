package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ebpfj.harness.BpfTest;
import org.ebpfj.harness.MapRef;
import org.ebpfj.harness.ProgramRef;
import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.kernel.error.MapFullException;
import org.junit.jupiter.api.Test;

/** Loads target/classes/bpf/counter.bpf.o into the running kernel, fresh for each test. */
@BpfTest(object = "bpf/counter.bpf.o")
class CounterTest {

    @MapRef("counts")
    BpfMap<Integer, Long> counts;

    @ProgramRef("count_runs")
    BpfProgram countRuns;

    @Test
    void theProgramCountsItsRunsInTheMap() {
        countRuns.testRun();
        countRuns.testRun();
        countRuns.testRun();

        assertThat(counts.lookup(0)).contains(3L);
    }

    @Test
    void aFullHashRefusesTheNextKey() {
        for (int key = 0; key < 16; key++) {
            counts.put(key, (long) key);
        }
        assertThatThrownBy(() -> counts.put(16, 16L)).isInstanceOf(MapFullException.class);
    }
}
