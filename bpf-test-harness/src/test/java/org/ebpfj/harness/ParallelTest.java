package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.CpuAffinity;
import org.ebpfj.kernel.KernelObjects;
import org.ebpfj.kernel.map.IntIntMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Under JUnit's parallel execution every test still gets its own object, and tests do not see each other's maps.
 * The fixture's tests wait for each other at a barrier, so they provably run at the same time.
 */
@ExtendWith(RequireKernelAccess.class)
class ParallelTest {
    private static final int TESTS = 4;
    private static final Set<Integer> MAP_IDS = ConcurrentHashMap.newKeySet();
    private static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
    private static volatile CyclicBarrier barrier;

    @TestKit.Fixture
    @BpfTest(object = "bpf/hash_vs_lru.bpf.o")
    @Execution(ExecutionMode.CONCURRENT)
    static class ConcurrentTests {
        @MapRef("my_u32_elem_map") IntIntMap hash;
        BpfObject object;

        @Test
        void first() throws Exception {
            fillAndCheck(1);
        }

        @Test
        void second() throws Exception {
            fillAndCheck(2);
        }

        @Test
        @PinnedToCpu
        void third() throws Exception {
            fillAndCheck(3);
            assertThat(CpuAffinity.current().cardinality()).isEqualTo(1);
        }

        @Test
        @PinnedToCpu
        void fourth() throws Exception {
            fillAndCheck(4);
            assertThat(CpuAffinity.current().cardinality()).isEqualTo(1);
        }

        private void fillAndCheck(int marker) throws Exception {
            THREADS.add(Thread.currentThread().getName());
            MAP_IDS.add(object.rawMap("my_u32_elem_map").info().id());
            for (int key = 1; key <= 500; key++) {
                hash.put(key, marker);
            }
            barrier.await(60, TimeUnit.SECONDS); // every test has filled its map before any checks
            assertThat(hash.count()).isEqualTo(500);
            hash.forEach((k, v) -> assertThat(v).as("key %d", k).isEqualTo(marker));
        }
    }

    @Test
    void concurrentTestsGetTheirOwnObjects() {
        barrier = new CyclicBarrier(TESTS);

        EngineExecutionResults r = TestKit.run(ConcurrentTests.class,
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(TESTS));

        TestKit.assertAllSucceeded(r, TESTS);
        assertThat(THREADS).as("threads the tests ran on").hasSize(TESTS);
        assertThat(MAP_IDS).as("one map per test").hasSize(TESTS);
        assertThat(TestKit.stillPresent(MAP_IDS, KernelObjects::mapIds)).isEmpty();
    }
}
