package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    /** The matrix as data: a row per base, {@code base | result of the base, then one result per column above}. */
    private static final String MATRIX = "/rules/flag-matrix.txt";
    private static final int BASES = 33;

    record Cell(String base, MapFlag flag, String expected) {
        @Override
        public String toString() {
            return base + " + " + (flag == null ? "nothing" : flag.name()) + " => " + expected;
        }
    }

    static Stream<Cell> cells() throws IOException {
        List<Cell> cells = new ArrayList<>();
        for (String row : matrixRows()) {
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

    private static List<String> matrixRows() throws IOException {
        try (InputStream in = FlagMatrixTest.class.getResourceAsStream(MATRIX)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> rows = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            assertThat(rows).as(MATRIX).hasSize(BASES);
            return rows;
        }
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
