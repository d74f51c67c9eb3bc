package org.ebpfj.object.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

import org.ebpfj.object.rules.MapRuleEngine;
import org.ebpfj.object.rules.Prediction;
import org.ebpfj.object.spec.MapCreateAttr;

/**
 * {@code predict}: for each stdin line {@code TYPE KEY_SIZE VALUE_SIZE MAX_ENTRIES MAP_FLAGS [MAP_EXTRA]}, prints
 * {@code OK} or the errno name BPF_MAP_CREATE returns, in order, one output line per input line. A line that
 * cannot be parsed prints {@code INVALID <reason>} and makes the exit status 2.
 */
final class PredictCommand {
    private final Arguments args;

    PredictCommand(Arguments args) {
        this.args = args;
    }

    int run(InputStream in, PrintStream out, PrintStream err) throws UsageException, IOException {
        if (!args.files.isEmpty()) {
            throw new UsageException("predict reads map attributes from stdin and takes no files");
        }
        MapRuleEngine engine = new MapRuleEngine(args.kernelProfile());
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int status = Main.OK;
        int lineNumber = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            lineNumber++;
            try {
                Prediction p = engine.predict(MapCreateAttr.parse(line));
                out.println(p.ok() ? "OK" : p.errno().orElseThrow().name());
            } catch (ParseException e) {
                out.println("INVALID " + e.getMessage());
                err.println("line " + lineNumber + ": " + e.getMessage());
                status = Main.USAGE;
            }
        }
        return status;
    }
}
