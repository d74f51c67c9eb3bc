package org.ebpfj.object.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.rules.MapRuleEngine;

/**
 * What {@code check} and {@code maps} both start from: the target kernels, the engine, and the objects read.
 * Read in this order, so a usage error in {@code --kernel} or {@code --profile} stops before any object is read.
 *
 * @param targets the kernels of {@code --kernel}, oldest first; empty when none is named
 * @param engine  the engine for the newest target, else for {@code --profile}
 * @param inputs  the objects named on the command line, with the count of unreadable ones
 */
record CheckInputs(List<KernelProfile> targets, MapRuleEngine engine, ObjectInputs inputs) {

    static CheckInputs read(Arguments args, PrintStream err) throws UsageException, IOException {
        List<KernelProfile> targets = args.targets();
        MapRuleEngine engine = args.engine();
        return new CheckInputs(targets, engine, ObjectInputs.read(args.files, err));
    }
}
