package org.ebpfj.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Sets the JMH results beside the C baseline runs made in the same session and prints the ratios as a markdown
 * table, with the targets the issues set: single operations at least 0.9 of C's ops/s, a batch walk at least 0.8 of
 * C's batch walk and at least 5 times faster than a GET_NEXT_KEY walk, and parsing plus checking an object no slower
 * than libbpf's open of the same bytes.
 *
 * <pre>java -cp benchmarks.jar org.ebpfj.bench.report.RatioReport JMH.csv C-RUN.csv [C-RUN.csv...]</pre>
 */
public final class RatioReport {
    static final String LAYOUT = "u32/u32";
    /** Entries of the iteration map: the C baseline's N and {@code IterationBenchmark.ENTRIES}. */
    static final double ITER_ENTRIES = 1_000_000;
    static final String[] OBJECTS = {"hash_vs_lru.bpf.o", "kinds.bpf.o", "maps_valid.bpf.o", "programs.bpf.o"};

    private RatioReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RatioReport JMH.csv C-RUN.csv [C-RUN.csv...]");
            System.exit(2);
        }
        JmhResults java = JmhResults.read(Path.of(args[0]));
        List<Path> cRuns = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            cRuns.add(Path.of(args[i]));
        }
        List<Comparison> rows = comparisons(java, CBaseline.read(cRuns));
        System.out.print(render(rows, cRuns.size()));
    }

    static List<Comparison> comparisons(JmhResults java, CBaseline c) {
        List<Comparison> rows = new ArrayList<>();
        for (String type : new String[] {"HASH", "LRU_HASH", "ARRAY"}) {
            double target = type.equals("HASH") ? 0.9 : Comparison.NO_TARGET;
            single(rows, java, c, type, "lookup", "lookup_elem (hit)", target);
            single(rows, java, c, type, "update", "update_elem (BPF_ANY, existing key)", target);
        }
        OptionalDouble batch = perEntry(java.nsPerOp("IterationBenchmark.batch"));
        OptionalDouble batchBoxed = perEntry(java.nsPerOp("IterationBenchmark.batchBoxed"));
        OptionalDouble gnk = perEntry(java.nsPerOp("IterationBenchmark.getNextKey"));
        rows.add(new Comparison("walk HASH(1M), batch lookups", "IntIntMap", batch, "C lookup_batch(4096)",
                c.nsPerItem("iter", "lookup_batch, batch=4096", "HASH", LAYOUT), 0.8));
        rows.add(new Comparison("walk HASH(1M), batch lookups, boxed", "BpfMap<Integer,Integer>", batchBoxed,
                "C lookup_batch(4096)", c.nsPerItem("iter", "lookup_batch, batch=4096", "HASH", LAYOUT),
                Comparison.NO_TARGET));
        rows.add(new Comparison("walk HASH(1M), GET_NEXT_KEY + lookup", "IntIntMap", gnk,
                "C get_next_key + lookup", c.nsPerItem("iter", "get_next_key + lookup_elem loop", "HASH", LAYOUT),
                Comparison.NO_TARGET));
        rows.add(new Comparison("walk HASH(1M): batch vs GET_NEXT_KEY (speed-up)", "Java batch", batch,
                "Java GET_NEXT_KEY", gnk, 5));
        rows.add(new Comparison("walk HASH(1M): batch vs GET_NEXT_KEY in C (speed-up, for reference)",
                "C lookup_batch(4096)", c.nsPerItem("iter", "lookup_batch, batch=4096", "HASH", LAYOUT),
                "C get_next_key + lookup", c.nsPerItem("iter", "get_next_key + lookup_elem loop", "HASH", LAYOUT),
                Comparison.NO_TARGET));
        for (String o : OBJECTS) {
            rows.add(new Comparison("open " + o, "parse + check (Java)",
                    java.nsPerOp("ObjectOpenBenchmark.parseAndCheck[" + o + "]"), "libbpf bpf_object__open_mem",
                    java.nsPerOp("ObjectOpenBenchmark.libbpfOpen[" + o + "]"), 1.0));
        }
        return rows;
    }

    private static void single(List<Comparison> rows, JmhResults java, CBaseline c, String type, String method,
                               String cTest, double target) {
        OptionalDouble cNs = c.nsPerItem("single", cTest, type, LAYOUT);
        rows.add(new Comparison(type + " " + method + " (u32/u32, 1M max, 100k keys)", "IntIntMap",
                java.nsPerOp("MapOpsBenchmark." + method + "[" + type + "]"), "C libbpf", cNs, target));
        rows.add(new Comparison(type + " " + method + ", boxed", "BpfMap<Integer,Integer>",
                java.nsPerOp("MapOpsBenchmark." + method + "Boxed[" + type + "]"), "C libbpf", cNs,
                Comparison.NO_TARGET));
    }

    private static OptionalDouble perEntry(OptionalDouble walkNs) {
        return walkNs.isPresent() ? OptionalDouble.of(walkNs.getAsDouble() / ITER_ENTRIES) : walkNs;
    }

    static String render(List<Comparison> rows, int cRuns) {
        StringBuilder sb = new StringBuilder();
        sb.append("Ratio = baseline time ÷ Java time per item (= Java ops/s ÷ baseline ops/s; above 1: Java is "
                + "faster). C figures: mean of the medians of ").append(cRuns).append(" run(s) of mapbench made "
                + "around the Java run; Java figures: JMH averages (walks: single-shot averages per entry).\n\n");
        sb.append("| comparison | Java | baseline | ratio | target |\n|---|---|---|---:|---|\n");
        rows.forEach(r -> sb.append(r.markdownRow()).append('\n'));
        long targets = rows.stream().filter(Comparison::hasTarget).count();
        long met = rows.stream().filter(Comparison::met).count();
        sb.append("\ntargets met: ").append(met).append(" of ").append(targets).append('\n');
        return sb.toString();
    }
}
