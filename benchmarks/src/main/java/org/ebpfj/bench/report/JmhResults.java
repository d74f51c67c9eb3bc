package org.ebpfj.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Scores from JMH's CSV result file ({@code -rf csv -rff FILE}), converted to nanoseconds per operation and keyed by
 * simple class name, method and parameter value: {@code MapOpsBenchmark.lookup[HASH]}.
 */
final class JmhResults {
    private final Map<String, Double> nsPerOp = new LinkedHashMap<>();

    static JmhResults read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            throw new IOException(csv + " is empty: not a JMH CSV result");
        }
        List<String> header = CsvLines.fields(lines.get(0));
        int benchmark = CBaseline.column(header, "Benchmark", csv);
        int score = CBaseline.column(header, "Score", csv);
        int unit = CBaseline.column(header, "Unit", csv);
        JmhResults r = new JmhResults();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> v = CsvLines.fields(line);
            String name = v.get(benchmark);
            String[] parts = name.split("\\.");
            String key = parts[parts.length - 2] + "." + parts[parts.length - 1];
            StringBuilder params = new StringBuilder();
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).startsWith("Param: ") && i < v.size() && !v.get(i).isEmpty()) {
                    params.append(params.length() == 0 ? "" : ",").append(v.get(i));
                }
            }
            if (params.length() > 0) {
                key += "[" + params + "]";
            }
            r.nsPerOp.put(key, toNanos(Double.parseDouble(v.get(score)), v.get(unit)));
        }
        return r;
    }

    OptionalDouble nsPerOp(String key) {
        Double v = nsPerOp.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Time units (AverageTime, SingleShotTime) in nanoseconds; throughput units inverted. */
    static double toNanos(double score, String unit) {
        return switch (unit) {
            case "ns/op" -> score;
            case "us/op" -> score * 1e3;
            case "ms/op" -> score * 1e6;
            case "s/op" -> score * 1e9;
            case "ops/ns" -> 1 / score;
            case "ops/us" -> 1e3 / score;
            case "ops/ms" -> 1e6 / score;
            case "ops/s" -> 1e9 / score;
            default -> throw new IllegalArgumentException("unknown JMH unit " + unit);
        };
    }
}
