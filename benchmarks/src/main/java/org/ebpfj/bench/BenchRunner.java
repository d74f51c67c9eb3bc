package org.ebpfj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.ebpfj.bench.report.JavaResults;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs JMH benchmarks and writes, per benchmark and parameters, the <em>median</em> of the measurement iterations
 * in nanoseconds per operation: the statistic the C baseline reports (the median of its timed runs), and one that a
 * slow second of this noisy VM cannot drag, as it drags a mean.
 *
 * <pre>java -cp benchmarks.jar org.ebpfj.bench.BenchRunner OUT.csv [JMH options and benchmark regexps]</pre>
 */
public final class BenchRunner {
    private BenchRunner() {
    }

    public static void main(String[] args) throws IOException, RunnerException, CommandLineOptionException {
        if (args.length < 1) {
            System.err.println("usage: BenchRunner OUT.csv [JMH options and benchmark regexps]");
            System.exit(2);
        }
        CommandLineOptions jmh = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(jmh).build()).run();
        List<String> lines = new ArrayList<>();
        lines.add(JavaResults.HEADER);
        for (RunResult run : results) {
            lines.add(line(run));
        }
        Files.write(Path.of(args[0]), lines);
    }

    private static String line(RunResult run) {
        BenchmarkParams params = run.getParams();
        String[] parts = params.getBenchmark().split("\\.");
        StringBuilder key = new StringBuilder(parts[parts.length - 2] + "." + parts[parts.length - 1]);
        if (!params.getParamsKeys().isEmpty()) {
            key.append('[').append(String.join(",", params.getParamsKeys().stream().map(params::getParam)
                    .toList())).append(']');
        }
        List<Double> ns = new ArrayList<>();
        for (BenchmarkResult fork : run.getBenchmarkResults()) {
            for (IterationResult it : fork.getIterationResults()) {
                ns.add(JavaResults.toNanos(it.getPrimaryResult().getScore(), it.getScoreUnit()));
            }
        }
        double[] sorted = ns.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "%s,%.3f,%.3f,%.3f,%d", key, JavaResults.median(sorted), sorted[0],
                sorted[sorted.length - 1], sorted.length);
    }
}
