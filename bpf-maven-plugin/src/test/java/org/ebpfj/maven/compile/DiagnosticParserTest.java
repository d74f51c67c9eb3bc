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
                        "unused variable 'x' [-Wunused-variable]"),
                new Diagnostic(Optional.of(Path.of("/p/src/main/bpf/a.bpf.c")), 12, 11, Diagnostic.Kind.ERROR,
                        "expected ';' at end of declaration"),
                new Diagnostic(Optional.of(Path.of("/p/target/bpf-include/bpf/bpf_tracing.h")), 85, 26,
                        Diagnostic.Kind.NOTE, "expanded from macro 'PT_REGS_PARM1'"),
                new Diagnostic(Optional.of(Path.of("/p/src/main/bpf/b c.bpf.c")), 1, 10, Diagnostic.Kind.ERROR,
                        "'missing.h' file not found"));
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
