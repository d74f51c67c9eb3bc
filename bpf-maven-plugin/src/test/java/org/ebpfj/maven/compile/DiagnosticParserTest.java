package org.ebpfj.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DiagnosticParserTest {

    /** clang 20's output for a source with a missing semicolon, an include chain and a warning. */
    private static final String OUTPUT = String.join("\n",
            "In file included from /p/src/main/bpf/a.bpf.c:3:",
            "/p/src/main/bpf/common.h:4:2: warning: unused variable 'x' [-Wunused-variable]",
            "    4 |         int x;",
            "      |             ^",
            "/p/src/main/bpf/a.bpf.c:12:11: error: expected ';' at end of declaration",
            "   12 |         int y = 1",
            "      |                  ^",
            "      |                  ;",
            "/p/target/bpf-include/bpf/bpf_tracing.h:85:26: note: expanded from macro 'PT_REGS_PARM1'",
            "/p/src/main/bpf/b c.bpf.c:1:10: fatal error: 'missing.h' file not found",
            "1 warning and 2 errors generated.");

    @Test
    void parsesLocatedDiagnosticsAndIgnoresTheRest() {
        List<Diagnostic> diagnostics = DiagnosticParser.parse(OUTPUT);

        assertThat(diagnostics).containsExactly(
                new Diagnostic(Optional.of(Path.of("/p/src/main/bpf/common.h")), 4, 2, Diagnostic.Kind.WARNING,
                        "unused variable 'x' [-Wunused-variable]",
                        List.of(new Diagnostic.IncludeSite(Path.of("/p/src/main/bpf/a.bpf.c"), 3))),
                new Diagnostic(Optional.of(Path.of("/p/src/main/bpf/a.bpf.c")), 12, 11, Diagnostic.Kind.ERROR,
                        "expected ';' at end of declaration"),
                new Diagnostic(Optional.of(Path.of("/p/target/bpf-include/bpf/bpf_tracing.h")), 85, 26,
                        Diagnostic.Kind.NOTE, "expanded from macro 'PT_REGS_PARM1'"),
                new Diagnostic(Optional.of(Path.of("/p/src/main/bpf/b c.bpf.c")), 1, 10, Diagnostic.Kind.ERROR,
                        "'missing.h' file not found"));
    }

    /** clang 14 on a source whose shared header uses a macro no header defines (as seen on public corpora). */
    private static final String IN_HEADER = String.join("\n",
            "In file included from /p/src/main/bpf/biolatency.bpf.c:6:",
            "/p/src/main/bpf/core_fixes.bpf.h:280:9: error: implicit declaration of function"
                    + " 'BPF_CORE_READ_BITFIELD_PROBED' is invalid in C99 [-Werror,-Wimplicit-function-declaration]",
            "In file included from /p/src/main/bpf/biolatency.bpf.c:7:",
            "In file included from /p/src/main/bpf/maps.bpf.h:2:",
            "/p/src/main/bpf/bits.h:9:3: error: use of undeclared identifier 'x'",
            "/p/src/main/bpf/biolatency.bpf.c:40:5: error: use of undeclared identifier 'y'",
            "fatal error: error in backend: line 116: Invalid usage of the XADD return value",
            "3 errors generated.");

    @Test
    void keepsTheIncludeChainOfAMessageInsideAHeader() {
        List<Diagnostic> diagnostics = DiagnosticParser.parse(IN_HEADER);
        Path source = Path.of("/p/src/main/bpf/biolatency.bpf.c");

        assertThat(diagnostics).hasSize(4);
        assertThat(diagnostics.get(0).chain()).isEqualTo("biolatency.bpf.c:6");
        assertThat(diagnostics.get(1).chain()).isEqualTo("biolatency.bpf.c:7 > maps.bpf.h:2");
        assertThat(diagnostics.get(1).renderWithChain()).isEqualTo("/p/src/main/bpf/bits.h:9:3: error: use of"
                + " undeclared identifier 'x' (included from biolatency.bpf.c:7 > maps.bpf.h:2)");
        assertThat(diagnostics.get(1).renderFor(source)).isEqualTo("/p/src/main/bpf/biolatency.bpf.c:7: error:"
                + " use of undeclared identifier 'x' [in bits.h:9:3, included from biolatency.bpf.c:7 > maps.bpf.h:2]");
        assertThat(diagnostics.get(2).includedFrom()).isEmpty(); // the chain is per message
        assertThat(diagnostics.get(2).renderFor(source)).isEqualTo(diagnostics.get(2).render());
        assertThat(diagnostics.get(3).file()).isEmpty();
        assertThat(diagnostics.get(3).message()).isEqualTo(
                "error in backend: line 116: Invalid usage of the XADD return value");
    }

    @Test
    void aSourcesSummaryShowsItsOwnFirstErrorBeforeAHeaders() {
        Path source = Path.of("/p/src/main/bpf/biolatency.bpf.c");
        SourceOutcome outcome = new SourceOutcome(new SourceUnit(source, Path.of("/p/o"), Path.of("/p/d")),
                SourceOutcome.Status.FAILED, IncrementalPlanner.Reason.NEW_SOURCE, "new source",
                DiagnosticParser.parse(IN_HEADER), IN_HEADER);
        assertThat(outcome.firstError().orElseThrow().render()).isEqualTo(
                "/p/src/main/bpf/biolatency.bpf.c:40:5: error: use of undeclared identifier 'y'");
    }

    @Test
    void rendersLikeACompiler() {
        assertThat(DiagnosticParser.parse("/p/a.bpf.c:12:11: error: expected ';'").get(0).render())
                .isEqualTo("/p/a.bpf.c:12:11: error: expected ';'");
    }

    @Test
    void driverErrorsHaveNoFile() {
        List<Diagnostic> diagnostics = DiagnosticParser.parse(
                "clang: error: unknown argument: '-fbogus'\n/usr/lib/llvm-19/bin/clang-19: warning: argument unused");
        assertThat(diagnostics).extracting(Diagnostic::file).containsOnly(Optional.empty());
        assertThat(diagnostics.get(0).render()).isEqualTo("clang: error: unknown argument: '-fbogus'");
        assertThat(diagnostics.get(1).kind()).isEqualTo(Diagnostic.Kind.WARNING);
    }

    @Test
    void lineWithoutColumn() {
        Diagnostic d = DiagnosticParser.parse("/p/a.h:7: error: oops").get(0);
        assertThat(d.line()).isEqualTo(7);
        assertThat(d.column()).isZero();
        assertThat(d.render()).isEqualTo("/p/a.h:7: error: oops");
    }

    @Test
    void absurdLineNumbersDoNotThrow() {
        Diagnostic d = DiagnosticParser.parse("/p/a.h:99999999999999999999:1: error: big").get(0);
        assertThat(d.line()).isZero();
        assertThat(d.message()).isEqualTo("big");
    }
}
