package org.ebpfj.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What {@code BenchRunner} wrote: per benchmark, keyed by simple class name, method and parameter values
 * ({@code MapOpsBenchmark.lookup[HASH]}), the median nanoseconds per operation of its measurement iterations.
 */
public final class JavaResults {
    public static final String HEADER = "benchmark,median_ns,min_ns,max_ns,iterations";

    private final Map<String, Double> medianNs = new LinkedHashMap<>();

    static JavaResults read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(csv + " is not a BenchRunner result (first line: " + HEADER + ")");
        }
        JavaResults r = new JavaResults();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                int comma = line.indexOf(',', line.lastIndexOf(']') + 1);
                r.medianNs.put(line.substring(0, comma),
                        Double.parseDouble(line.substring(comma + 1, line.indexOf(',', comma + 1))));
            }
        }
        return r;
    }

    OptionalDouble nsPerOp(String key) {
        Double v = medianNs.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** JMH's time units (AverageTime, SingleShotTime) in nanoseconds. */
    public static double toNanos(double score, String unit) {
        return switch (unit) {
            case "ns/op" -> score;
            case "us/op" -> score * 1e3;
            case "ms/op" -> score * 1e6;
            case "s/op" -> score * 1e9;
            default -> throw new IllegalArgumentException("not a time per operation: " + unit);
        };
    }
}
