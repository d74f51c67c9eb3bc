package org.ebpfj.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatioReportTest {
    private static final String C_HEADER = "section,test,map,layout,unit,items_per_run,reps,run_ms_min,run_ms_med,"
            + "run_ms_max,ns_per_item_min,ns_per_item_med,ns_per_item_max,items_per_s_min,items_per_s_med,"
            + "items_per_s_max,x_getppid_med,note";

    @TempDir
    Path dir;

    @Test
    void eachRoundPairsItsOwnSidesAndTheRatioIsTheMedianOfTheRounds() throws IOException {
        List<RatioReport.Results> rounds = List.of(
                round(1, 500, 550, "MapOpsBenchmark.lookup[HASH],550.0,540.0,560.0,8"),
                round(2, 900, 1000, "MapOpsBenchmark.lookup[HASH],1000.0,990.0,1010.0,8"),
                round(3, 520, 800, "MapOpsBenchmark.lookup[HASH],800.0,700.0,900.0,8"));

        Comparison lookup = find(RatioReport.comparisons(rounds), "HASH lookup (u32/u32, 1M max, 100k keys)");

        // Round ratios 500/550, 900/1000, 520/800: a slow machine in round 2 slows both sides of that round only,
        // and one slow Java side (round 3) does not decide the median.
        assertThat(lookup.ratio().getAsDouble()).isCloseTo(0.9, within(1e-9));
        assertThat(lookup.pairedRounds()).isEqualTo(3);
        assertThat(lookup.met()).isTrue();
        assertThat(lookup.markdownRow()).isEqualTo("| HASH lookup (u32/u32, 1M max, 100k keys) | IntIntMap 800 ns "
                + "| C libbpf 520 ns | 0.90 (0.91, 0.90, 0.65) | ≥ 0.9 ✔ |");
    }

    @Test
    void walksArePerEntryAndOpensCompareTwoJavaMeasurements() throws IOException {
        Path c = write("c.csv", C_HEADER,
                "iter,\"lookup_batch, batch=4096\",HASH,u32/u32,entry,1000000,5,0,0,0,240.00,250.00,260.00,"
                        + "0,0,0,0,\"\"",
                "iter,\"get_next_key + lookup_elem loop\",HASH,u32/u32,entry,1000000,5,0,0,0,1,1000.00,1,0,0,0,0,\"\"");
        Path java = write("java.csv", JavaResults.HEADER,
                "IterationBenchmark.batch,275000000.0,270000000.0,280000000.0,7",
                "IterationBenchmark.getNextKey,1100000000.0,1e9,1.2e9,7",
                "ObjectOpenBenchmark.parseAndCheck[kinds.bpf.o],40000.0,39000.0,41000.0,5",
                "ObjectOpenBenchmark.libbpfOpen[kinds.bpf.o],50000.0,49000.0,51000.0,5");

        List<Comparison> rows = RatioReport.comparisons(List.of(
                new RatioReport.Results(JavaResults.read(java), CBaseline.read(List.of(c)))));

        assertThat(find(rows, "walk HASH(1M), batch lookups").ratio().getAsDouble()).isCloseTo(250.0 / 275,
                within(1e-9));
        Comparison speedUp = find(rows, "walk HASH(1M): batch vs GET_NEXT_KEY (speed-up)");
        assertThat(speedUp.ratio().getAsDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(speedUp.met()).isFalse();
        assertThat(find(rows, "open kinds.bpf.o").ratio().getAsDouble()).isCloseTo(1.25, within(1e-9));
        assertThat(find(rows, "HASH update (u32/u32, 1M max, 100k keys)").ratio()).isEmpty();
        assertThat(RatioReport.render(rows))
                .contains("| IntIntMap (missing) | C libbpf (missing) | missing | ≥ 0.9 ✘ |")
                .contains("targets met: 2 of " + (4 + RatioReport.OBJECTS.length));
    }

    @Test
    void openRoundsNeedNoCRunAndGiveOneRowPerObject() throws IOException {
        Path first = write("open-1.csv", JavaResults.HEADER,
                "ObjectOpenBenchmark.parseAndCheck[kinds.bpf.o],40000.0,39000.0,41000.0,3",
                "ObjectOpenBenchmark.libbpfOpen[kinds.bpf.o],50000.0,49000.0,51000.0,3");
        Path second = write("open-2.csv", JavaResults.HEADER,
                "ObjectOpenBenchmark.parseAndCheck[kinds.bpf.o],60000.0,59000.0,61000.0,3",
                "ObjectOpenBenchmark.libbpfOpen[kinds.bpf.o],30000.0,29000.0,31000.0,3");

        List<Comparison> rows = RatioReport.opens(List.of(JavaResults.read(first), JavaResults.read(second)));

        assertThat(rows).hasSize(RatioReport.OBJECTS.length);
        Comparison kinds = find(rows, "open kinds.bpf.o");
        assertThat(kinds.pairedRounds()).isEqualTo(2);
        assertThat(kinds.ratio().getAsDouble()).isCloseTo((1.25 + 0.5) / 2, within(1e-9));
        assertThat(find(rows, "open maps_valid.bpf.o").ratio()).isEmpty();
    }

    @Test
    void filesOfTheWrongShapeAreNamedInTheError() throws IOException {
        Path bad = write("bad.csv", "a,b,c", "1,2,3");
        assertThatThrownBy(() -> CBaseline.read(List.of(bad))).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.csv").hasMessageContaining("section");
        assertThatThrownBy(() -> JavaResults.read(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.csv").hasMessageContaining("BenchRunner");
    }

    @Test
    void quotedFieldsKeepTheirCommasAndQuotes() {
        assertThat(CsvLines.fields("a,\"b, c\",\"say \"\"hi\"\"\",")).containsExactly("a", "b, c", "say \"hi\"", "");
    }

    private RatioReport.Results round(int n, double cNs, double javaNs, String javaLine) throws IOException {
        Path c = write("c" + n + ".csv", C_HEADER, "single,\"lookup_elem (hit)\",HASH,u32/u32,op,1000000,5,0,0,0,"
                + cNs + "," + cNs + "," + cNs + ",0,0,0,0,\"\"");
        Path java = write("java" + n + ".csv", JavaResults.HEADER, javaLine);
        assertThat(JavaResults.read(java).nsPerOp("MapOpsBenchmark.lookup[HASH]").getAsDouble()).isEqualTo(javaNs);
        return new RatioReport.Results(JavaResults.read(java), CBaseline.read(List.of(c)));
    }

    private static Comparison find(List<Comparison> rows, String what) {
        return rows.stream().filter(r -> r.what().equals(what)).findFirst().orElseThrow();
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
