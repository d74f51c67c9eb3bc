package org.ebpfj.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
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
    private static final String JMH_HEADER = "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\","
            + "\"Score Error (99.9%)\",\"Unit\",\"Param: mapType\",\"Param: object\"";

    @TempDir
    Path dir;

    @Test
    void ratiosAreBaselineTimeOverJavaTimeWithTheCRunsAveraged() throws IOException {
        Path c1 = write("c1.csv", C_HEADER,
                "single,\"lookup_elem (hit)\",HASH,u32/u32,op,1000000,5,500,500,500,500.00,500.00,500.00,0,0,0,4.8,\"n\"",
                "iter,\"lookup_batch, batch=4096\",HASH,u32/u32,entry,1000000,5,0,0,0,240.00,250.00,260.00,0,0,0,0,\"\"",
                "iter,\"get_next_key + lookup_elem loop\",HASH,u32/u32,entry,1000000,5,0,0,0,1,1000.00,1,0,0,0,0,\"\"");
        Path c2 = write("c2.csv", C_HEADER,
                "single,\"lookup_elem (hit)\",HASH,u32/u32,op,1000000,5,500,500,500,600.00,600.00,600.00,0,0,0,4.8,\"n\"");
        Path jmh = write("jmh.csv", JMH_HEADER,
                "\"org.ebpfj.bench.MapOpsBenchmark.lookup\",\"avgt\",1,5,610.0,5.0,\"ns/op\",HASH,",
                "\"org.ebpfj.bench.IterationBenchmark.batch\",\"ss\",1,7,275.0,9.0,\"ms/op\",,",
                "\"org.ebpfj.bench.IterationBenchmark.getNextKey\",\"ss\",1,7,1100.0,9.0,\"ms/op\",,",
                "\"org.ebpfj.bench.ObjectOpenBenchmark.parseAndCheck\",\"avgt\",1,5,40.0,1.0,\"us/op\",,kinds.bpf.o",
                "\"org.ebpfj.bench.ObjectOpenBenchmark.libbpfOpen\",\"avgt\",1,5,50.0,1.0,\"us/op\",,kinds.bpf.o");

        List<Comparison> rows = RatioReport.comparisons(JmhResults.read(jmh), CBaseline.read(List.of(c1, c2)));

        Comparison lookup = find(rows, "HASH lookup (u32/u32, 1M max, 100k keys)");
        assertThat(lookup.ratio().getAsDouble()).isCloseTo(550.0 / 610.0, within(1e-9));
        assertThat(lookup.met()).isTrue();
        Comparison batch = find(rows, "walk HASH(1M), batch lookups");
        assertThat(batch.javaNs().getAsDouble()).isCloseTo(275.0, within(1e-9));
        assertThat(batch.ratio().getAsDouble()).isCloseTo(250.0 / 275.0, within(1e-9));
        Comparison speedUp = find(rows, "walk HASH(1M): batch vs GET_NEXT_KEY (speed-up)");
        assertThat(speedUp.ratio().getAsDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(speedUp.met()).isFalse();
        Comparison open = find(rows, "open kinds.bpf.o");
        assertThat(open.ratio().getAsDouble()).isCloseTo(1.25, within(1e-9));
        assertThat(find(rows, "HASH update (u32/u32, 1M max, 100k keys)").ratio()).isEmpty();

        String table = RatioReport.render(rows, 2);
        assertThat(table).contains("| HASH lookup (u32/u32, 1M max, 100k keys) | IntIntMap 610 ns | C libbpf 550 ns | 0.90 |")
                .contains("update (u32/u32, 1M max, 100k keys) | IntIntMap (missing)").contains("targets met: 3 of ");
    }

    @Test
    void aFileWithoutTheExpectedColumnsIsNamedInTheError() throws IOException {
        Path bad = write("bad.csv", "a,b,c", "1,2,3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CBaseline.read(List.of(bad)))
                .isInstanceOf(IOException.class).hasMessageContaining("bad.csv").hasMessageContaining("section");
    }

    @Test
    void quotedFieldsKeepTheirCommasAndQuotes() {
        assertThat(CsvLines.fields("a,\"b, c\",\"say \"\"hi\"\"\",")).containsExactly("a", "b, c", "say \"hi\"", "");
    }

    private static Comparison find(List<Comparison> rows, String what) {
        return rows.stream().filter(r -> r.what().equals(what)).findFirst().orElseThrow();
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
