package org.ebpfj.object.cli;

import java.io.IOException;
import java.io.PrintStream;

import org.ebpfj.object.report.FindingLine;
import org.ebpfj.object.rules.Severity;
import org.ebpfj.object.rules.Violation;
import org.ebpfj.object.spec.ObjectSpec;

/**
 * {@code check FILE.o...}: one line per finding, compiler style; exit 1 when any is an error. With {@code --kernel},
 * a map some target refuses gets one error naming every kernel's answer.
 */
final class CheckCommand {
    private CheckCommand() {
    }

    static int run(Arguments args, PrintStream out, PrintStream err) throws UsageException, IOException {
        CheckInputs run = CheckInputs.read(args, err);
        ObjectInputs inputs = run.inputs();
        int errors = 0;
        int warnings = 0;
        for (ObjectSpec o : inputs.objects) {
            for (Violation v : run.targets().isEmpty() ? run.engine().check(o)
                    : TargetFindings.of(o, run.engine(), run.targets())) {
                out.println(FindingLine.of(v));
                if (v.severity() == Severity.ERROR) {
                    errors++;
                } else if (v.severity() == Severity.WARNING) {
                    warnings++;
                }
            }
        }
        err.println(inputs.objects.size() + " object(s) checked: " + errors + " error(s), " + warnings
                + " warning(s)" + (inputs.unreadable > 0 ? ", " + inputs.unreadable + " unreadable" : ""));
        return errors > 0 || inputs.unreadable > 0 ? Main.FINDINGS : Main.OK;
    }
}
