package org.ebpfj.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import org.ebpfj.maven.compile.SourceOutcome.Status;
import org.ebpfj.maven.testing.FakeClang;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile orchestration end to end with a stand-in clang (a shell script that writes objects and
 * dependency files the way clang does): parallel runs, the state it leaves, what the next run skips.
 */
@EnabledOnOs(OS.LINUX)
class BpfCompilerTest {

    @TempDir
    Path dir;

    private Path clang;
    private Path sources;
    private final BpfCompiler compiler = new BpfCompiler();

    @BeforeEach
    void project() throws Exception {
        clang = FakeClang.compiler(dir.resolve("bin"));
        sources = dir.resolve("src/main/bpf");
        Files.createDirectories(sources.resolve("net"));
        write("shared.h", "#define N 1\n");
        write("a.bpf.c", "#include \"shared.h\"\nint a;\n");
        write("b.bpf.c", "#include \"shared.h\"\nint b;\n");
        write("net/c.bpf.c", "int c;\n");
    }

    private void write(String name, String content) throws Exception {
        Path file = sources.resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }

    private CompileRequest request(List<String> extraFlags) throws Exception {
        CompileFlags flags = new CompileFlags(Optional.of("x86"), List.of(sources), List.of(), List.of(),
                Optional.of(CompileFlags.DEFAULT_CPU), CompileFlags.DEFAULT_FLAGS, extraFlags, Optional.of(dir));
        return new CompileRequest(clang, "fake 18", dir, sources, SourceScanner.scan(sources, null, null),
                dir.resolve("target/classes/bpf"), dir.resolve("target/work"), flags, 2);
    }

    private static List<String> statuses(CompileResult result) {
        return result.outcomes().stream()
                .map(o -> o.unit().source().getFileName() + "=" + o.status())
                .collect(java.util.stream.Collectors.toList());
    }

    @Test
    void compilesAllThenNothingThenTheHeadersDependants() throws Exception {
        CompileResult first = compiler.compile(request(List.of()));
        assertThat(statuses(first)).containsExactly("a.bpf.c=COMPILED", "b.bpf.c=COMPILED", "c.bpf.c=COMPILED");
        assertThat(dir.resolve("target/classes/bpf/net/c.bpf.o")).hasContent("OBJ");

        CompileResult second = compiler.compile(request(List.of()));
        assertThat(statuses(second)).containsExactly("a.bpf.c=UP_TO_DATE", "b.bpf.c=UP_TO_DATE", "c.bpf.c=UP_TO_DATE");

        Files.setLastModifiedTime(sources.resolve("shared.h"), FileTime.fromMillis(System.currentTimeMillis() - 1000));
        CompileResult third = compiler.compile(request(List.of()));
        assertThat(statuses(third)).containsExactly("a.bpf.c=COMPILED", "b.bpf.c=COMPILED", "c.bpf.c=UP_TO_DATE");
        assertThat(third.outcomes().get(0).why()).isEqualTo("changed: shared.h");
    }

    @Test
    void changedFlagsRecompileEverything() throws Exception {
        compiler.compile(request(List.of()));
        CompileResult result = compiler.compile(request(List.of("-Wall")));
        assertThat(result.with(Status.COMPILED)).hasSize(3);
        assertThat(result.outcomes()).extracting(SourceOutcome::reason)
                .containsOnly(IncrementalPlanner.Reason.FLAGS_CHANGED);
    }

    @Test
    void failuresCarryDiagnosticsLeaveNoObjectAndAreRetried() throws Exception {
        write("b.bpf.c", "int b;\nFAIL_HERE\n");
        CompileResult result = compiler.compile(request(List.of()));

        assertThat(result.succeeded()).isFalse();
        SourceOutcome failed = result.failures().get(0);
        assertThat(failed.unit().source()).isEqualTo(sources.resolve("b.bpf.c"));
        assertThat(failed.diagnostics()).extracting(Diagnostic::render)
                .containsExactly(sources.resolve("b.bpf.c") + ":2:1: error: forced failure");
        assertThat(dir.resolve("target/classes/bpf/b.bpf.o")).doesNotExist();
        assertThat(new CompileReporter(org.ebpfj.maven.log.BuildLog.silent(), dir).failureMessage(result))
                .isEqualTo("BPF compilation failed for 1 of 3 sources:\n  " + sources.resolve("b.bpf.c")
                        + ":2:1: error: forced failure");

        // The failed source is compiled again next time even though nothing changed; the others are not.
        CompileResult again = compiler.compile(request(List.of()));
        assertThat(statuses(again)).containsExactly("a.bpf.c=UP_TO_DATE", "b.bpf.c=FAILED", "c.bpf.c=UP_TO_DATE");
    }

    @Test
    void removedSourcesLoseTheirObjects() throws Exception {
        compiler.compile(request(List.of()));
        Files.delete(sources.resolve("net/c.bpf.c"));

        CompileResult result = compiler.compile(request(List.of()));

        assertThat(result.removedObjects()).containsExactly(dir.resolve("target/classes/bpf/net/c.bpf.o"));
        assertThat(dir.resolve("target/classes/bpf/net/c.bpf.o")).doesNotExist();
        assertThat(result.outcomes()).hasSize(2);
    }
}
