package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.MapFlag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The empirical flag matrix of research/kernel-map-rules.md §6 (Linux 6.18.44): each type from a valid base, plus
 * one flag. {@code 524} is ENOTSUPP.
 */
class FlagMatrixTest {
    private static final MapRuleEngine ENGINE = new MapRuleEngine(KernelProfile.defaults());

    private static final MapFlag[] COLUMNS = {MapFlag.NO_PREALLOC, MapFlag.NO_COMMON_LRU, MapFlag.NUMA_NODE,
        MapFlag.RDONLY, MapFlag.WRONLY, MapFlag.STACK_BUILD_ID, MapFlag.ZERO_SEED, MapFlag.RDONLY_PROG,
        MapFlag.WRONLY_PROG, MapFlag.CLONE, MapFlag.MMAPABLE, MapFlag.PRESERVE_ELEMS, MapFlag.INNER_MAP, MapFlag.LINK,
        MapFlag.PATH_FD, MapFlag.VTYPE_BTF_OBJ_FD, MapFlag.SEGV_ON_FAULT, MapFlag.NO_USER_CONV};

    // base line (as MapCreateAttr.parse reads it) | base result, then one result per column above
    private static final String MATRIX = """
            HASH 4 8 16 0                 | ok ok EINVAL ok ok ok EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            ARRAY 4 8 16 0                | ok EINVAL EINVAL ok ok ok EINVAL EINVAL ok ok EINVAL ok EINVAL ok EINVAL EINVAL EINVAL EINVAL EINVAL
            PROG_ARRAY 4 4 16 0           | ok EINVAL EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            PERF_EVENT_ARRAY 4 4 16 0     | ok EINVAL EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            PERCPU_HASH 4 8 16 0          | ok ok EINVAL EINVAL ok ok EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            PERCPU_ARRAY 4 8 16 0         | ok EINVAL EINVAL EINVAL ok ok EINVAL EINVAL ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            STACK_TRACE 4 32 16 0         | ok EINVAL EINVAL ok ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            CGROUP_ARRAY 4 4 16 0         | ok EINVAL EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            LRU_HASH 4 8 16 0             | ok 524 ok ok ok ok EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            LRU_PERCPU_HASH 4 8 16 0      | ok 524 ok EINVAL ok ok EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            LPM_TRIE 8 8 16 NO_PREALLOC   | ok ok EINVAL ok ok ok EINVAL EINVAL ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            ARRAY_OF_MAPS 4 4 16 0 inner=ARRAY:4:4:1:0 | ok EINVAL EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            HASH_OF_MAPS 4 4 16 0 inner=ARRAY:4:4:1:0  | ok ok EINVAL ok ok ok EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            DEVMAP 4 4 16 0               | ok EINVAL EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            SOCKMAP 4 4 16 0              | ok EINVAL EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            CPUMAP 4 4 16 0               | ok EINVAL EINVAL ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            XSKMAP 4 4 16 0               | ok EINVAL EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            SOCKHASH 4 4 16 0             | ok EINVAL EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            CGROUP_STORAGE 16 8 0 0       | ok EINVAL EINVAL ok ok ok EINVAL EINVAL ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            REUSEPORT_SOCKARRAY 4 8 16 0  | ok EINVAL EINVAL ok ok ok EINVAL EINVAL ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            PERCPU_CGROUP_STORAGE 16 8 0 0 | ok EINVAL EINVAL ok ok ok EINVAL EINVAL ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            QUEUE 0 8 16 0                | ok EINVAL EINVAL ok ok ok EINVAL EINVAL ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            STACK 0 8 16 0                | ok EINVAL EINVAL ok ok ok EINVAL EINVAL ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            SK_STORAGE 4 8 0 NO_PREALLOC btf    | ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            DEVMAP_HASH 4 4 16 0          | ok EINVAL EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            STRUCT_OPS 4 256 1 0 struct_ops=bpf_struct_ops_tcp_congestion_ops:256 | ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL ok EINVAL EINVAL EINVAL EINVAL
            RINGBUF 0 0 4096 0            | ok EINVAL EINVAL ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            INODE_STORAGE 4 8 0 NO_PREALLOC btf | ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            TASK_STORAGE 4 8 0 NO_PREALLOC btf  | ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            BLOOM_FILTER 0 8 16 0         | ok EINVAL EINVAL ok ok ok EINVAL ok ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            USER_RINGBUF 0 0 4096 0       | ok EINVAL EINVAL ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            CGRP_STORAGE 4 8 0 NO_PREALLOC btf  | ok ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            ARENA 0 0 1 MMAPABLE          | ok EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL ok EINVAL EINVAL EINVAL EINVAL EINVAL ok ok
            """;

    record Cell(String base, MapFlag flag, String expected) {
        @Override
        public String toString() {
            return base + " + " + (flag == null ? "nothing" : flag.name()) + " => " + expected;
        }
    }

    static Stream<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (String row : MATRIX.strip().split("\n")) {
            String[] halves = row.split("\\|");
            String base = halves[0].trim();
            String[] results = halves[1].trim().split("\\s+");
            assertThat(results).hasSize(COLUMNS.length + 1);
            cells.add(new Cell(base, null, results[0]));
            for (int i = 0; i < COLUMNS.length; i++) {
                cells.add(new Cell(base, COLUMNS[i], results[i + 1]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void oneFlagOnAValidBase(Cell cell) throws Exception {
        MapCreateAttr base = MapCreateAttr.parse(cell.base());
        MapCreateAttr.Builder b = base.toBuilder();
        if (cell.flag() != null) {
            b.flags(base.flags() | cell.flag().mask());
        }
        if (cell.flag() == MapFlag.NUMA_NODE) {
            b.numaNode(0);
        }

        Prediction p = ENGINE.predict(b.build());

        String actual = p.ok() ? "ok" : p.errno().orElseThrow().number() == 524 ? "524" : p.errno().get().name();
        assertThat(actual).as(p.toString()).isEqualTo(cell.expected());
    }
}
