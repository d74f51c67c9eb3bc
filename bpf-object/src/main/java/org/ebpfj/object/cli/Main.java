package org.ebpfj.object.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The command-line checker: {@code java -jar bpf-object-cli.jar maps|check|predict ...}. Works on objects built by
 * any toolchain (bpf2go, libbpf-bootstrap, Rust), without a kernel.
 *
 * <p>Exit status: 0 when everything is fine, 1 when a map has an error (or an object cannot be read), 2 when the
 * command line is wrong.
 */
public final class Main {
    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = String.join("\n",
            "usage: bpf-object-cli <command> [options] [FILE.o...]",
            "",
            "commands:",
            "  maps FILE.o...     print every map of each object as JSON (specs, findings, memory)",
            "  check FILE.o...    print findings as 'file:line: error|warning: [rule] map ...' ; exit 1 on errors",
            "  predict            read 'TYPE KEY_SIZE VALUE_SIZE MAX_ENTRIES MAP_FLAGS [MAP_EXTRA]' lines from",
            "                     stdin and print OK or the errno BPF_MAP_CREATE returns, one line each",
            "",
            "options:",
            "  --profile default|running   kernel to predict for: built-in current x86_64 (default) or this one",
            "  --kernel VERSION[,VERSION]  target kernels (5.10 or later; repeatable): one verdict per kernel, e.g.",
            "                              --kernel 5.10,6.1,6.12 prints 'OK on 6.1+; E2BIG on 5.10: ...'",
            "  --set MAP.FIELD=VALUE       a value user space sets before load, e.g. --set events.max_entries=4096",
            "  --memory-warning=BYTES      warn about maps larger than this (default 268435456)");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        try {
            Arguments a = Arguments.parse(args);
            switch (a.command) {
                case "maps":
                    return MapsCommand.run(a, out, err);
                case "check":
                    return CheckCommand.run(a, out, err);
                case "predict":
                    return PredictCommand.run(a, in, out, err);
                case "help":
                case "-h":
                case "--help":
                    out.println(USAGE_TEXT);
                    return OK;
                default:
                    throw new UsageException("unknown command '" + a.command + "'");
            }
        } catch (UsageException e) {
            err.println("bpf-object-cli: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (IOException e) {
            err.println("bpf-object-cli: " + e.getMessage());
            return FINDINGS;
        }
    }
}
