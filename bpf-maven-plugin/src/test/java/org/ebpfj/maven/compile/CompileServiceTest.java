package org.ebpfj.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ebpfj.maven.log.BuildLog;
import org.ebpfj.maven.toolchain.Clang;
import org.ebpfj.maven.toolchain.ToolchainAttempt;
import org.ebpfj.maven.toolchain.ToolchainException;
import org.ebpfj.maven.testing.FakeClang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class CompileServiceTest {

    @TempDir
    Path base;

    private final List<String> infos = new ArrayList<>();

    private final BuildLog log = new BuildLog() {
        @Override public void debug(String message) { }
        @Override public void info(String message) { infos.add(message); }
        @Override public void warn(String message) { infos.add("WARN " + message); }
        @Override public void error(String message) { infos.add("ERROR " + message); }
        @Override public boolean isDebugEnabled() { return false; }
    };

    private CompileConfiguration config(Path systemInclude, List<Path> userIncludes) {
        return new CompileConfiguration(base, base.resolve("src/main/bpf"), SourceScanner.DEFAULT_INCLUDES,
                List.of(), base.resolve("target/classes/bpf"), base.resolve("target/work"), userIncludes,
                List.of("A=1"), Optional.of("v3"), List.of(), List.of("-Wall"), Optional.of("x86"), base.resolve("target/bpf-include"),
                base.resolve("no/bpf.h"), false, Optional.of(base.resolve("target/generated-sources/vmlinux")),
                systemInclude, Optional.of("x86_64-linux-gnu"), 1);
    }

    @Test
    void noSourcesNeverAsksForClang() throws Exception {
        Optional<CompileResult> result = new CompileService(log).compile(config(base.resolve("usr/include"), List.of()),
                () -> {
                    throw new ToolchainException(List.of(new ToolchainAttempt("x", "y")), "should not be asked");
                });
        assertThat(result).isEmpty();
        assertThat(infos).containsExactly("No BPF sources in src/main/bpf [**/*.bpf.c], nothing to compile");
    }

    @Test
    void includeOrder() throws Exception {
        Path system = base.resolve("usr/include");
        Files.createDirectories(system.resolve("x86_64-linux-gnu/asm"));
        Files.createDirectories(base.resolve("target/generated-sources/vmlinux"));
        Path user = Files.createDirectories(base.resolve("include"));

        CompileFlags flags = new CompileService(log).flags(config(system, List.of(user)));

        assertThat(flags.includeDirectories()).containsExactly(base.resolve("src/main/bpf"), user,
                base.resolve("target/bpf-include"), base.resolve("target/generated-sources/vmlinux"));
        assertThat(flags.afterIncludeDirectories()).containsExactly(system.resolve("x86_64-linux-gnu"));
        assertThat(flags.defaultFlags()).isEqualTo(CompileFlags.DEFAULT_FLAGS);
        assertThat(flags.commonArguments()).contains("-DA=1", "-Wall", "-D__TARGET_ARCH_x86",
                "-fdebug-prefix-map=" + base + "=.");
        assertThat(base.resolve("target/bpf-include/bpf/bpf_helpers.h")).isRegularFile();
    }

    @Test
    void aSystemLibbpfDevIsNeverUsedItsHeadersAreShadowedByStubsThatSaySo() throws Exception {
        Path system = base.resolve("usr/include");
        Files.createDirectories(system.resolve("bpf"));
        Files.writeString(system.resolve("bpf/bpf_helpers.h"), "/* libbpf 1.1.2 */");
        Files.writeString(system.resolve("bpf/libbpf.h"), "/* user space */");

        CompileFlags flags = new CompileService(log).flags(config(system, List.of()));

        Path guard = base.resolve("target/bpf-include-guard");
        assertThat(flags.includeDirectories()).containsExactly(base.resolve("src/main/bpf"),
                base.resolve("target/bpf-include"), guard);
        assertThat(infos).anyMatch(line -> line.startsWith("BPF headers: bpf-maven-plugin's own headers in ")
                && line.endsWith("a system libbpf-dev is never used: its 2 headers in " + system.resolve("bpf")
                        + " are shadowed)"));
        assertThat(Files.readString(guard.resolve("bpf/libbpf.h"))).contains("#error \"<bpf/libbpf.h> would come"
                + " from the system's libbpf-dev (" + system.resolve("bpf/libbpf.h") + ")");
        assertThat(flags.afterIncludeDirectories()).isEmpty(); // no multiarch folder there

        // libbpf-dev removed: the stubs go, nothing else in the folder is touched.
        Files.writeString(guard.resolve("bpf/mine.txt"), "not a stub");
        Files.delete(system.resolve("bpf/libbpf.h"));
        Files.delete(system.resolve("bpf/bpf_helpers.h"));
        CompileFlags after = new CompileService(log).flags(config(system, List.of()));
        assertThat(after.includeDirectories()).doesNotContain(guard);
        assertThat(guard.resolve("bpf/libbpf.h")).doesNotExist();
        assertThat(guard.resolve("bpf/mine.txt")).exists();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFailingSourceIsReportedAtItsLine() throws Exception {
        Path src = Files.createDirectories(base.resolve("src/main/bpf"));
        Files.writeString(src.resolve("bad.bpf.c"), "int x;\n\nFAIL_HERE\n");
        Path clang = FakeClang.compiler(base.resolve("bin"));

        CompileResult result = new CompileService(log).compile(config(base.resolve("usr/include"), List.of()),
                () -> new Clang(clang, "clang version 18.1.8 (fake)", "test")).orElseThrow();

        assertThat(result.succeeded()).isFalse();
        assertThat(infos).contains("ERROR " + src.resolve("bad.bpf.c") + ":3:1: error: forced failure");
    }

    @Test
    void toolchainErrorsPassThrough() throws Exception {
        Files.createDirectories(base.resolve("src/main/bpf"));
        Files.writeString(base.resolve("src/main/bpf/a.bpf.c"), "");
        assertThatThrownBy(() -> new CompileService(log).compile(config(base, List.of()), () -> {
            throw new ToolchainException(List.of(new ToolchainAttempt("PATH", "no clang")), "install clang");
        })).isInstanceOf(ToolchainException.class).hasMessage("no usable clang for BPF: tried PATH (no clang) — install clang");
    }
}
