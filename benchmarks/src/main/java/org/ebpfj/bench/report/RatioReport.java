package org.ebpfj.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Sets the Java results beside the C baseline runs made in the same session and prints the ratios as a markdown
 * table, with the targets the issues set: single operations at least 0.9 of C's ops/s, a batch walk at least 0.8 of
 * C's batch walk and at least 5 times faster than a GET_NEXT_KEY walk, and parsing plus checking an object no slower
 * than libbpf's open of the same bytes.
 *
 * <pre>java -cp benchmarks.jar org.ebpfj.bench.report.RatioReport JAVA.csv C.csv [JAVA.csv C.csv ...]
 * java -cp benchmarks.jar org.ebpfj.bench.report.RatioReport --open JAVA.csv [JAVA.csv ...]</pre>
 * Each pair is one round: a BenchRunner result and the mapbench CSV of the C run made right before or after it.
 * With {@code --open} each file is one round of ObjectOpenBenchmark alone (both of its sides run in one JVM, so
 * no C run is needed), and only the parse + check rows are printed.
 */
public final class RatioReport {
    static final String LAYOUT = "u32/u32";
    /** Entries of the iteration map: the C baseline's N and {@code IterationBenchmark.ENTRIES}. */
    static final double ITER_ENTRIES = 1_000_000;
    static final String[] OBJECTS = org.ebpfj.bench.ObjectOpenBenchmark.objects();
    private static final String C_BATCH = "lookup_batch, batch=4096";
    private static final String C_GNK = "get_next_key + lookup_elem loop";

    /** One round's two result files, read. */
    record Results(JavaResults java, CBaseline c) {
    }

    private RatioReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("--open")) {
            List<JavaResults> rounds = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                rounds.add(JavaResults.read(Path.of(args[i])));
            }
            System.out.print(render(opens(rounds)));
            return;
        }
        if (args.length < 2 || args.length % 2 != 0) {
            System.err.println("usage: RatioReport JAVA.csv C.csv [JAVA.csv C.csv ...]");
            System.exit(2);
        }
        List<Results> rounds = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            rounds.add(new Results(JavaResults.read(Path.of(args[i])), CBaseline.read(List.of(Path.of(args[i + 1])))));
        }
        System.out.print(render(comparisons(rounds)));
    }

    static List<Comparison> comparisons(List<Results> rounds) {
        List<Comparison> rows = new ArrayList<>();
        for (String type : new String[] {"HASH", "LRU_HASH", "ARRAY"}) {
            double target = type.equals("HASH") ? 0.9 : Comparison.NO_TARGET;
            for (String op : new String[] {"lookup", "update"}) {
                String cTest = op.equals("lookup") ? "lookup_elem (hit)" : "update_elem (BPF_ANY, existing key)";
                Function<Results, OptionalDouble> c = r -> r.c().nsPerItem("single", cTest, type, LAYOUT);
                rows.add(row(rounds, type + " " + op + " (u32/u32, 1M max, 100k keys)", "IntIntMap",
                        r -> r.java().nsPerOp("MapOpsBenchmark." + op + "[" + type + "]"), "C libbpf", c, target));
                rows.add(row(rounds, type + " " + op + ", boxed", "BpfMap<Integer,Integer>",
                        r -> r.java().nsPerOp("MapOpsBenchmark." + op + "Boxed[" + type + "]"), "C libbpf", c,
                        Comparison.NO_TARGET));
            }
        }
        Function<Results, OptionalDouble> batch = r -> perEntry(r.java().nsPerOp("IterationBenchmark.batch"));
        Function<Results, OptionalDouble> gnk = r -> perEntry(r.java().nsPerOp("IterationBenchmark.getNextKey"));
        Function<Results, OptionalDouble> cBatch = r -> r.c().nsPerItem("iter", C_BATCH, "HASH", LAYOUT);
        Function<Results, OptionalDouble> cGnk = r -> r.c().nsPerItem("iter", C_GNK, "HASH", LAYOUT);
        rows.add(row(rounds, "walk HASH(1M), batch lookups", "IntIntMap", batch, "C lookup_batch(4096)", cBatch,
                0.8));
        rows.add(row(rounds, "walk HASH(1M), batch lookups, boxed", "BpfMap<Integer,Integer>",
                r -> perEntry(r.java().nsPerOp("IterationBenchmark.batchBoxed")), "C lookup_batch(4096)", cBatch,
                Comparison.NO_TARGET));
        rows.add(row(rounds, "walk HASH(1M), GET_NEXT_KEY + lookup", "IntIntMap", gnk, "C get_next_key + lookup",
                cGnk, Comparison.NO_TARGET));
        rows.add(row(rounds, "walk HASH(1M): batch vs GET_NEXT_KEY (speed-up)", "Java batch", batch,
                "Java GET_NEXT_KEY", gnk, 5));
        rows.add(row(rounds, "walk HASH(1M): batch vs GET_NEXT_KEY in C (speed-up, for reference)",
                "C lookup_batch(4096)", cBatch, "C get_next_key + lookup", cGnk, Comparison.NO_TARGET));
        rows.addAll(opens(rounds.stream().map(Results::java).toList()));
        return rows;
    }

    /** One row per object: parse + check beside libbpf's open of the same bytes, measured in the same JVM. */
    static List<Comparison> opens(List<JavaResults> rounds) {
        List<Comparison> rows = new ArrayList<>();
        for (String o : OBJECTS) {
            List<Comparison.Round> measured = rounds.stream().map(r -> new Comparison.Round(
                    r.nsPerOp("ObjectOpenBenchmark.parseAndCheck[" + o + "]"),
                    r.nsPerOp("ObjectOpenBenchmark.libbpfOpen[" + o + "]"))).toList();
            rows.add(new Comparison("open " + o, "parse + check (Java)", "libbpf bpf_object__open_mem", measured,
                    1.0));
        }
        return rows;
    }

    private static Comparison row(List<Results> rounds, String what, String javaSide,
                                  Function<Results, OptionalDouble> java, String baselineSide,
                                  Function<Results, OptionalDouble> baseline, double target) {
        List<Comparison.Round> measured = rounds.stream()
                .map(r -> new Comparison.Round(java.apply(r), baseline.apply(r))).toList();
        return new Comparison(what, javaSide, baselineSide, measured, target);
    }

    private static OptionalDouble perEntry(OptionalDouble walkNs) {
        return walkNs.isPresent() ? OptionalDouble.of(walkNs.getAsDouble() / ITER_ENTRIES) : walkNs;
    }

    static String render(List<Comparison> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("Ratio = baseline time ÷ Java time per item (= Java ops/s ÷ baseline ops/s; above 1: Java is "
                + "faster): the median of the ratios of the rounds that measured both sides (each round's in "
                + "brackets). Each side of a round is a median: of mapbench's timed runs for C, of JMH's measurement "
                + "iterations for Java (walks: one walk per iteration, per entry).\n\n");
        sb.append("| comparison | Java | baseline | ratio | target |\n|---|---|---|---|---|\n");
        rows.forEach(r -> sb.append(r.markdownRow()).append('\n'));
        long targets = rows.stream().filter(Comparison::hasTarget).count();
        long met = rows.stream().filter(Comparison::met).count();
        sb.append("\ntargets met: ").append(met).append(" of ").append(targets).append('\n');
        return sb.toString();
    }
}
