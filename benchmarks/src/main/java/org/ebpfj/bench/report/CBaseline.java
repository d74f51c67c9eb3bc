package org.ebpfj.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The median nanoseconds per item of each row of one or more runs of the C baseline ({@code mapbench -c FILE}),
 * keyed by section, test, map type and layout. With several runs (before and after the Java run) a row's value
 * is the mean of the runs' medians, so that a drift of the machine during the run lands on both sides.
 */
final class CBaseline {
    private final Map<String, List<Double>> nsPerItem = new LinkedHashMap<>();

    static CBaseline read(List<Path> csvFiles) throws IOException {
        CBaseline b = new CBaseline();
        for (Path f : csvFiles) {
            List<String> lines = Files.readAllLines(f);
            if (lines.isEmpty()) {
                throw new IOException(f + " is empty: not a mapbench CSV");
            }
            List<String> header = CsvLines.fields(lines.get(0));
            int section = column(header, "section", f);
            int test = column(header, "test", f);
            int map = column(header, "map", f);
            int layout = column(header, "layout", f);
            int median = column(header, "ns_per_item_med", f);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> v = CsvLines.fields(line);
                b.nsPerItem.computeIfAbsent(key(v.get(section), v.get(test), v.get(map), v.get(layout)),
                        k -> new ArrayList<>()).add(Double.parseDouble(v.get(median)));
            }
        }
        return b;
    }

    /** The row's nanoseconds per item, empty when no run has it. */
    OptionalDouble nsPerItem(String section, String test, String map, String layout) {
        List<Double> runs = nsPerItem.get(key(section, test, map, layout));
        return runs == null ? OptionalDouble.empty() : runs.stream().mapToDouble(Double::doubleValue).average();
    }

    private static String key(String section, String test, String map, String layout) {
        return section + "|" + test + "|" + map + "|" + layout;
    }

    static int column(List<String> header, String name, Path file) throws IOException {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IOException(file + " has no column '" + name + "' (columns: " + header + ")");
        }
        return i;
    }
}
