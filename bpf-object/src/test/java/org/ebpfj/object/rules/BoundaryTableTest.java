package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.spec.MapCreateAttr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel rule at its boundary (boundaries.txt): just inside, at and just past each limit, with the errno and
 * the rule that fires first. The table's lines without BTF were run against Linux 6.18.44.
 */
class BoundaryTableTest {
    private static final MapRuleEngine ENGINE = new MapRuleEngine(KernelProfile.defaults());

    /** Rules the table cannot express (they need BTF ids without facts, or another profile); covered elsewhere. */
    private static final Set<String> COVERED_ELSEWHERE = Set.of(
            "generic.btf-vmlinux-value", "generic.btf-key-without-value", "arena.jit", "map-in-map.nested",
            "btf.key-type", "btf.value-type", "btf.special-field-duplicate", "array.btf-key",
            "bloom.btf-key", "local-storage.btf-key",
            // Older targets, or one series only (TargetKernelsTest).
            "hash.key-size-stack", "hash.value-size-stack", "array.value-size-kmalloc",
            "cgroup-storage.value-size-page", "lpm-trie.charge", "queue-stack.total-size");

    record Row(String line, String expected) {
        @Override
        public String toString() {
            return line + " => " + expected;
        }
    }

    static Stream<Row> rows() throws IOException {
        return load().stream();
    }

    static List<Row> load() throws IOException {
        try (InputStream in = BoundaryTableTest.class.getResourceAsStream("boundaries.txt")) {
            List<Row> rows = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("=>");
                rows.add(new Row(parts[0].trim(), parts[1].trim()));
            }
            return rows;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void predictsTheKernelsAnswer(Row row) throws Exception {
        Prediction p = ENGINE.predict(MapCreateAttr.parse(row.line()));

        String actual = p.ok() ? "OK" : p.errno().orElseThrow().name() + " " + p.ruleId().orElseThrow();
        assertThat(actual).as(p.toString()).isEqualTo(row.expected());
        if (!p.ok()) {
            assertThat(p.message()).as("a message in the user's terms").isNotBlank().doesNotContain("null");
        }
    }

    @Test
    void everyKernelRuleFiresInTheTableOrIsCoveredByAnotherTest() throws IOException {
        Set<String> fired = load().stream().map(Row::expected).filter(e -> !e.equals("OK"))
                .map(e -> e.substring(e.indexOf(' ') + 1)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> all = KernelRules.ordered().stream().map(KernelRule::id)
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(fired);
        assertThat(missing).isEqualTo(new TreeSet<>(COVERED_ELSEWHERE));
        assertThat(all).containsAll(fired);
    }
}
