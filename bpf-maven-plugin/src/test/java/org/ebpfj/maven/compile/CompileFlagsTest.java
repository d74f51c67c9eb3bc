package org.ebpfj.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CompileFlagsTest {

    private static final Path BASE = Path.of("/work/project");

    private static CompileFlags flags(List<String> defaults, List<String> extra) {
        return new CompileFlags(Optional.of("x86"),
                List.of(BASE.resolve("src/main/bpf"), BASE.resolve("target/bpf-include")),
                List.of(Path.of("/usr/include/x86_64-linux-gnu")),
                List.of("DEBUG", "MAX=16"), Optional.of("v3"), defaults, extra, Optional.of(BASE));
    }

    @Test
    void fullArgumentOrder() {
        assertThat(flags(CompileFlags.DEFAULT_FLAGS, List.of("-Wall")).commonArguments()).containsExactly(
                "-O2", "-Werror=implicit-function-declaration",
                "-mcpu=v3",
                "-D__TARGET_ARCH_x86",
                "-DDEBUG", "-DMAX=16",
                "-I/work/project/src/main/bpf", "-I/work/project/target/bpf-include",
                "-idirafter", "/usr/include/x86_64-linux-gnu",
                "-Wall",
                "-target", "bpf", "-g", "-fno-ident", "-fdebug-prefix-map=/work/project=.",
                "-fno-color-diagnostics");
    }

    @Test
    void forcedFlagsComeAfterTheUsersSoClangKeepsThem() {
        List<String> args = flags(CompileFlags.DEFAULT_FLAGS, List.of("-g0", "-target", "x86_64")).commonArguments();
        assertThat(args.lastIndexOf("-g")).isGreaterThan(args.indexOf("-g0"));
        assertThat(args.lastIndexOf("bpf")).isGreaterThan(args.indexOf("x86_64"));
    }

    @Test
    void defaultsCanBeReplaced() {
        List<String> args = flags(List.of("-O1"), List.of()).commonArguments();
        assertThat(args).contains("-O1").doesNotContain("-O2");
    }

    @Test
    void noArchitectureNoDefinition() {
        CompileFlags f = new CompileFlags(Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(),
                List.of("-O2"), List.of(), Optional.empty());
        assertThat(f.commonArguments()).containsExactly("-O2", "-target", "bpf", "-g", "-fno-ident",
                "-fno-color-diagnostics");
    }

    @Test
    void aCpuInTheExtraFlagsComesLaterAndWins() {
        List<String> args = flags(CompileFlags.DEFAULT_FLAGS, List.of("-mcpu=v4")).commonArguments();
        assertThat(args.lastIndexOf("-mcpu=v4")).isGreaterThan(args.indexOf("-mcpu=v3"));
    }

    @Test
    void commandForOneSource() {
        List<String> command = flags(CompileFlags.DEFAULT_FLAGS, List.of()).command(Path.of("/usr/bin/clang"),
                Path.of("/p/a.bpf.c"), Path.of("/p/a.bpf.o"), Path.of("/p/a.bpf.c.d"));
        assertThat(command.get(0)).isEqualTo("/usr/bin/clang");
        assertThat(command.subList(command.size() - 7, command.size()))
                .containsExactly("-MD", "-MF", "/p/a.bpf.c.d", "-c", "/p/a.bpf.c", "-o", "/p/a.bpf.o");
    }
}
