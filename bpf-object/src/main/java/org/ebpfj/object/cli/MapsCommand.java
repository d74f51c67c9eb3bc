package org.ebpfj.object.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.report.MapsReport;
import org.ebpfj.object.rules.MapRuleEngine;
import org.ebpfj.object.rules.TargetVerdicts;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.machine.KernelProfile;

/** {@code maps FILE.o...}: the map specs of each object as JSON. */
final class MapsCommand {
    private MapsCommand() {
    }

    static int run(Arguments args, PrintStream out, PrintStream err) throws UsageException, IOException {
        List<KernelProfile> targets = args.targets();
        MapRuleEngine engine = args.engine();
        ObjectInputs inputs = ObjectInputs.read(args.files, err);
        List<MapsReport.Entry> entries = new ArrayList<>();
        for (ObjectSpec o : inputs.objects) {
            List<TargetVerdicts> verdicts = new ArrayList<>();
            if (!targets.isEmpty()) {
                for (MapSpec m : o.maps()) {
                    verdicts.add(TargetVerdicts.of(m, targets, args.checkOptions()));
                }
            }
            entries.add(new MapsReport.Entry(o, engine.reports(o), verdicts));
        }
        out.println(MapsReport.toJson(entries));
        return inputs.unreadable > 0 ? Main.FINDINGS : Main.OK;
    }
}
