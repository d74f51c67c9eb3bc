package org.ebpfj.object.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;


import org.ebpfj.object.rules.MapRuleEngine;
import org.ebpfj.object.rules.Prediction;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.machine.KernelProfile;

/**
 * {@code predict}: for each stdin line {@code TYPE KEY_SIZE VALUE_SIZE MAX_ENTRIES MAP_FLAGS [MAP_EXTRA]}, prints
 * {@code OK} or the errno name BPF_MAP_CREATE returns, in order, one output line per input line. A line that
 * cannot be parsed prints {@code INVALID <reason>} and makes the exit status 2. With {@code --kernel} naming targets,
 * each line answers per kernel: {@code 5.10=E2BIG 6.1=OK 6.12=OK}.
 */
final class PredictCommand {
    private PredictCommand() {
    }

    static int run(Arguments args, InputStream in, PrintStream out, PrintStream err) throws UsageException, IOException {
        if (!args.files.isEmpty()) {
            throw new UsageException("predict reads map attributes from stdin and takes no files");
        }
        List<KernelProfile> targets = args.targets();
        List<MapRuleEngine> engines = new ArrayList<>();
        if (targets.isEmpty()) {
            engines.add(new MapRuleEngine(args.kernelProfile()));
        } else {
            targets.forEach(t -> engines.add(new MapRuleEngine(t)));
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int status = Main.OK;
        int lineNumber = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            lineNumber++;
            try {
                MapCreateAttr attr = MapCreateAttr.parse(line);
                List<String> answers = new ArrayList<>();
                for (MapRuleEngine engine : engines) {
                    Prediction p = engine.predict(attr);
                    String answer = p.ok() ? "OK" : p.errno().orElseThrow().name();
                    answers.add(targets.isEmpty() ? answer : engine.profile().version() + "=" + answer);
                }
                out.println(String.join(" ", answers));
            } catch (ParseException e) {
                out.println("INVALID " + e.getMessage());
                err.println("line " + lineNumber + ": " + e.getMessage());
                status = Main.USAGE;
            }
        }
        return status;
    }
}
