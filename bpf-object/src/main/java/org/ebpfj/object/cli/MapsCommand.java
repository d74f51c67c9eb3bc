package org.ebpfj.object.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.report.MapsReport;
import org.ebpfj.object.rules.TargetVerdicts;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;

/** {@code maps FILE.o...}: the map specs of each object as JSON. */
final class MapsCommand {
    private MapsCommand() {
    }

    static int run(Arguments args, PrintStream out, PrintStream err) throws UsageException, IOException {
        CheckInputs run = CheckInputs.read(args, err);
        List<MapsReport.Entry> entries = new ArrayList<>();
        for (ObjectSpec o : run.inputs().objects) {
            List<TargetVerdicts> verdicts = new ArrayList<>();
            if (!run.targets().isEmpty()) {
                for (MapSpec m : o.maps()) {
                    verdicts.add(TargetVerdicts.of(m, run.targets(), args.checkOptions()));
                }
            }
            entries.add(new MapsReport.Entry(o, run.engine().reports(o), verdicts));
        }
        out.println(MapsReport.toJson(entries));
        return run.inputs().unreadable > 0 ? Main.FINDINGS : Main.OK;
    }
}
