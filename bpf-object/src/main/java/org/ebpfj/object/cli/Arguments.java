package org.ebpfj.object.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.rules.CheckOptions;
import org.ebpfj.object.rules.KernelTargets;
import org.ebpfj.object.rules.MapOverrides;
import org.ebpfj.object.rules.MapRuleEngine;

/** The parsed command line: a command, options shared by all commands, and the operands (object files). */
final class Arguments {
    final String command;
    final List<Path> files = new ArrayList<>();
    final List<String> overrides = new ArrayList<>();
    final List<String> kernels = new ArrayList<>();
    String profile = "default";
    long memoryWarningBytes = CheckOptions.DEFAULT_MEMORY_WARNING_BYTES;

    private Arguments(String command) {
        this.command = command;
    }

    static Arguments parse(String[] args) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        Arguments a = new Arguments(args[0]);
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--profile")) {
                a.profile = value(args, ++i, arg);
            } else if (arg.startsWith("--profile=")) {
                a.profile = arg.substring("--profile=".length());
            } else if (arg.equals("--kernel")) {
                a.kernels.add(value(args, ++i, arg));
            } else if (arg.startsWith("--kernel=")) {
                a.kernels.add(arg.substring("--kernel=".length()));
            } else if (arg.equals("--set")) {
                a.overrides.add(value(args, ++i, arg));
            } else if (arg.startsWith("--set=")) {
                a.overrides.add(arg.substring("--set=".length()));
            } else if (arg.startsWith("--memory-warning=")) {
                a.memoryWarningBytes = number(arg.substring("--memory-warning=".length()), "--memory-warning");
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                throw new UsageException("unknown option " + arg);
            } else {
                a.files.add(Path.of(arg));
            }
        }
        return a;
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static long number(String s, String option) throws UsageException {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number of bytes, not '" + s + "'");
        }
    }

    /** {@code default}: the built-in current x86_64 kernel; {@code running}: read from /proc and /sys here. */
    KernelProfile kernelProfile() throws UsageException, IOException {
        switch (profile) {
            case "default":
                return KernelProfile.defaults();
            case "running":
                return KernelProfile.readRunning();
            default:
                throw new UsageException("unknown profile '" + profile + "' (use 'default' or 'running')");
        }
    }

    /** The target kernels of {@code --kernel} (oldest first); empty when none is named. */
    List<KernelProfile> targets() throws UsageException {
        if (kernels.isEmpty()) {
            return List.of();
        }
        if (!profile.equals("default")) {
            throw new UsageException("--kernel and --profile exclude each other: --kernel names target versions");
        }
        try {
            return KernelTargets.parse(String.join(",", kernels));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--kernel: " + e.getMessage());
        }
    }

    /**
     * The engine that checks and describes the maps: with targets, for the newest one (every target still gives
     * its own verdict); without, for {@code --profile}.
     */
    MapRuleEngine engine() throws UsageException, IOException {
        List<KernelProfile> targets = targets();
        KernelProfile main = targets.isEmpty() ? kernelProfile() : targets.get(targets.size() - 1);
        return new MapRuleEngine(main, checkOptions());
    }

    CheckOptions checkOptions() throws UsageException {
        try {
            return CheckOptions.defaults().withOverrides(MapOverrides.parse(overrides))
                    .withMemoryWarningBytes(memoryWarningBytes);
        } catch (ParseException e) {
            throw new UsageException("--set: " + e.getMessage());
        }
    }
}
