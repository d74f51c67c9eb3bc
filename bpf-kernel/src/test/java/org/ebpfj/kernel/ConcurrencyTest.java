package org.ebpfj.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.IntLongMap;
import org.ebpfj.kernel.map.UpdateFlag;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One handle, several threads: each thread uses its own native buffers, so operations do not interfere. */
@ExtendWith(RequireBpf.class)
class ConcurrencyTest {
    @Test
    void handlesAreSharedAcrossThreads() throws Exception {
        int threads = 4;
        int perThread = 2000;
        try (BpfMap<Integer, Long> map = BpfMap.create(MapSpec.builder("concurrent", MapType.HASH).keySize(4)
                .valueSize(8).maxEntries(threads * perThread).build(), Integer.class, Long.class)) {
            IntLongMap ints = map.raw().intLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int base = t * perThread;
                    done.add(pool.submit(() -> {
                        int mismatches = 0;
                        for (int i = base; i < base + perThread; i++) {
                            if (i % 2 == 0) {
                                map.put(i, i * 3L, UpdateFlag.NOEXIST);
                            } else {
                                ints.put(i, i * 3L, UpdateFlag.NOEXIST);
                            }
                            if (ints.getOrDefault(i, -1) != i * 3L || map.lookup(i).orElse(-1L) != i * 3L) {
                                mismatches++;
                            }
                        }
                        return mismatches;
                    }));
                }
                for (Future<Integer> f : done) {
                    assertThat(f.get()).isZero();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(map.count()).isEqualTo((long) threads * perThread);
        }
    }
}
