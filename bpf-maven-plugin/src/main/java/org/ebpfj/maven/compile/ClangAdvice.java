package org.ebpfj.maven.compile;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.ebpfj.maven.toolchain.Clang;
import org.ebpfj.maven.toolchain.ClangVersionFloor;
import org.ebpfj.maven.toolchain.EmbeddedLlvm;

/**
 * Turns the failures whose cause is the compiler, not the source, into one sentence naming the cause and the way
 * out: a clang too old for what a source uses (with the minimum version and the switch to the embedded clang), a
 * BPF CPU version too low for an instruction, or a backend crash of a clang other than the pinned one. The
 * signatures are clang's own messages, checked against Debian's clang 14.
 */
public final class ClangAdvice {

    /** A failure signature, the feature it means, and the oldest clang that has it. */
    record Rule(Pattern output, String feature, int minimumMajor) {
    }

    static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("unknown target CPU 'v4'"), "BPF cpu v4 (-mcpu=v4)", 18),
            new Rule(Pattern.compile("(?s)invalid register/token name.*may_goto"),
                    "the may_goto instruction (bpf_for, can_loop)", 19),
            new Rule(Pattern.compile("Cannot select: .*addrspacecast"),
                    "address-space casts (__arena pointers, BPF addr_space_cast)", 19));

    private static final Pattern XADD = Pattern.compile("Invalid usage of the XADD return value");
    private static final Pattern BACKEND_CRASH = Pattern.compile("error in backend|PLEASE submit a bug report");

    private ClangAdvice() {
    }

    /** The outcomes of {@code result}, failed ones with advice when a known cause matches. */
    public static CompileResult annotate(CompileResult result, Clang clang, Optional<String> cpu) {
        List<SourceOutcome> outcomes = result.outcomes().stream()
                .map(o -> o.status() == SourceOutcome.Status.FAILED ? o.withAdvice(advise(o.output(), clang, cpu)) : o)
                .collect(java.util.stream.Collectors.toList());
        return new CompileResult(outcomes, result.removedObjects());
    }

    static Optional<String> advise(String output, Clang clang, Optional<String> cpu) {
        OptionalInt major = clang.major();
        String which = major.isPresent() ? "clang " + major.getAsInt() : clang.version();
        if (XADD.matcher(output).find()) {
            return Optional.of("the source uses the old value of an atomic add (e.g. if (__sync_fetch_and_add(..)"
                    + " != 0)), which needs BPF cpu v3 or later; this build passes "
                    + cpu.map(c -> "-mcpu=" + c).orElse("no -mcpu (" + which + " then defaults to v1)")
                    + ": set <cpu>v3</cpu> (the default) and remove any -mcpu from <extraFlags>");
        }
        for (Rule rule : RULES) {
            if (rule.output().matcher(output).find() && (major.isEmpty() || major.getAsInt() < rule.minimumMajor())) {
                return Optional.of(rule.feature() + " needs clang " + rule.minimumMajor() + " or newer; this build uses "
                        + which + " (" + clang.origin() + ")" + switchAdvice(clang, rule.minimumMajor()));
            }
        }
        if (!clang.embedded() && BACKEND_CRASH.matcher(output).find()) {
            return Optional.of(which + " crashed in its backend on this source (see its message above)"
                    + switchAdvice(clang, 0));
        }
        return Optional.empty();
    }

    private static String switchAdvice(Clang clang, int minimumMajor) {
        int embedded = ClangVersionFloor.major("clang version " + EmbeddedLlvm.DEFAULT_VERSION).orElse(0);
        if (clang.embedded() || embedded < minimumMajor) {
            return "; install a newer clang and set <clang> (property bpf.clang) to it";
        }
        return "; use the embedded clang " + embedded + ": remove <clang> (-Dbpf.clang) and"
                + " <toolchain>path</toolchain> (-Dbpf.toolchain=path), or install a newer clang";
    }
}
