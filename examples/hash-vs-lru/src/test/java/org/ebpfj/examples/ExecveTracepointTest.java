package org.ebpfj.examples;

import static org.ebpfj.harness.assertions.BpfAssertions.assertThat;

import org.assertj.core.api.Assertions;
import org.ebpfj.harness.Attach;
import org.ebpfj.harness.BpfTest;
import org.ebpfj.harness.Global;
import org.ebpfj.harness.GlobalRef;
import org.ebpfj.harness.LruExpectations;
import org.ebpfj.harness.MapRef;
import org.ebpfj.harness.ProgramRef;
import org.ebpfj.kernel.GlobalVariable;
import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.program.BpfProgram;
import org.junit.jupiter.api.Test;

/**
 * The same fill from a real kernel event: {@code tracepoint/syscalls/sys_enter_execve} fires when this test starts
 * a process. The program only acts for children of this JVM: {@code target_ppid} is a {@code const volatile} global
 * set before load, and the program compares it with {@code task->real_parent->tgid} (CO-RE, through vmlinux.h).
 */
@BpfTest(object = "bpf/hash_vs_lru.bpf.o", globals = @Global(name = "target_ppid", value = Global.TEST_JVM_PID))
class ExecveTracepointTest {

    @MapRef("my_u32_elem_map")
    BpfMap<Integer, Integer> hash;

    @MapRef("my_u32_lru_elem_map")
    BpfMap<Integer, Integer> lru;

    @Attach
    @ProgramRef("fill_on_execve")
    BpfProgram onExecve;

    @GlobalRef("execve_fills")
    GlobalVariable fills;

    @Test
    void startingAProcessFillsBothMapsOnce() throws Exception {
        assertThat(hash).isEmpty();

        Process p = new ProcessBuilder("/bin/true").start();
        Assertions.assertThat(p.waitFor()).isZero();

        Assertions.assertThat(fills.getInt()).as("execve calls by children of this JVM").isPositive();
        assertThat(hash).isFull().containsEntry(1, 11).doesNotContainKey(HashVsLruTest.KEYS);
        assertThat(lru).containsKey(HashVsLruTest.KEYS)
                .hasSize(LruExpectations.afterInserts(HashVsLruTest.MAX_ENTRIES, HashVsLruTest.KEYS));
    }

    @Test
    void aProcessStartedByNobodyElseLeavesTheMapsEmpty() {
        // Nothing started here: other processes' execve calls on this machine must not touch the maps.
        assertThat(hash).isEmpty();
        assertThat(lru).isEmpty();
    }
}
