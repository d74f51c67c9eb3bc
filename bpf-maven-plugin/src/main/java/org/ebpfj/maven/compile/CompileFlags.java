package org.ebpfj.maven.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The clang arguments shared by every source of a build, in two groups (as bpf2go does):
 *
 * <p><b>User-overridable defaults</b> ({@link #defaultFlags}, {@link #DEFAULT_FLAGS} when not configured):
 * <ul>
 *   <li>{@code -O2}: the verifier needs optimized code (at {@code -O0} clang spills to the stack and emits
 *       patterns the verifier rejects); users may choose another level.</li>
 *   <li>{@code -Werror=implicit-function-declaration}: a call to an undeclared function (typically a macro a
 *       header lacks, or a helper misspelt) is an error at the call, as libbpf's example projects build; clang
 *       before 16 would only warn and emit a call to an undefined extern that fails much later, at load.</li>
 * </ul>
 *
 * <p><b>The BPF CPU version</b> ({@link #cpu}, {@code -mcpu=v3} by default, the {@code cpu} parameter): the
 * instruction set clang may use. Clang before 20 defaults to v1, which has no 32-bit jumps or ALU and cannot
 * return the old value of an atomic add (clang 14 then fails with "Invalid usage of the XADD return value");
 * clang 20 defaults to v3. Passing it explicitly makes every clang emit the same instructions. v3 needs a
 * kernel 5.1+ (atomics with fetch, used only by sources that use the old value, 5.12+); v4 (clang 18+) needs
 * 6.6+; {@code none} passes nothing, leaving clang's own default. A {@code -mcpu} in {@code extraFlags} comes
 * later and wins.
 *
 * <p><b>Forced flags</b>, placed after the user's {@code extraFlags} so that clang's "last one wins" keeps them:
 * <ul>
 *   <li>{@code -target bpf}: BPF bytecode in the build machine's byte order, the kernel's format.</li>
 *   <li>{@code -g}: emits BTF ({@code .BTF}, {@code .BTF.ext}); without it libbpf cannot read BTF-style map
 *       definitions and the {@code check} goal has no types or source lines to report.</li>
 *   <li>{@code -fno-ident}: no {@code .comment} section naming the compiler, so objects do not change when
 *       only the clang build changes.</li>
 *   <li>{@code -fdebug-prefix-map=<basedir>=.}: debug info names sources relative to the project, so the same
 *       project built in two folders gives identical objects (and the jar does not leak the build path).</li>
 *   <li>{@code -fno-color-diagnostics}: the plugin parses clang's messages.</li>
 * </ul>
 *
 * <p>Between them: {@code -D__TARGET_ARCH_<arch>} (what {@code bpf_tracing.h} picks pt_regs by), the
 * configured defines, {@code -I} folders in order and {@code -idirafter} system folders (the multiarch
 * {@code asm/} headers, searched after everything else so they cannot shadow the user's headers).
 */
public record CompileFlags(
        Optional<String> targetArch,
        List<Path> includeDirectories,
        List<Path> afterIncludeDirectories,
        List<String> defines,
        Optional<String> cpu,
        List<String> defaultFlags,
        List<String> extraFlags,
        Optional<Path> debugPrefixFrom) {

    public static final List<String> DEFAULT_FLAGS = List.of("-O2", "-Werror=implicit-function-declaration");

    /** The BPF CPU version passed when none is configured. */
    public static final String DEFAULT_CPU = "v3";

    public CompileFlags {
        includeDirectories = List.copyOf(includeDirectories);
        afterIncludeDirectories = List.copyOf(afterIncludeDirectories);
        defines = List.copyOf(defines);
        defaultFlags = defaultFlags.isEmpty() ? DEFAULT_FLAGS : List.copyOf(defaultFlags);
        extraFlags = List.copyOf(extraFlags);
    }

    /** The flags bpf2go and this plugin never let a configuration remove. */
    public List<String> forcedFlags() {
        List<String> forced = new ArrayList<>(List.of("-target", "bpf", "-g", "-fno-ident"));
        debugPrefixFrom.ifPresent(dir -> forced.add("-fdebug-prefix-map=" + dir + "=."));
        forced.add("-fno-color-diagnostics");
        return forced;
    }

    /** Every argument that does not depend on the source, in the order clang receives them. */
    public List<String> commonArguments() {
        List<String> args = new ArrayList<>(defaultFlags);
        cpu.ifPresent(version -> args.add("-mcpu=" + version));
        targetArch.ifPresent(arch -> args.add("-D__TARGET_ARCH_" + arch));
        for (String define : defines) {
            args.add("-D" + define);
        }
        for (Path dir : includeDirectories) {
            args.add("-I" + dir);
        }
        for (Path dir : afterIncludeDirectories) {
            args.add("-idirafter");
            args.add(dir.toString());
        }
        args.addAll(extraFlags);
        args.addAll(forcedFlags());
        return args;
    }

    /** The full command for one source: writes the object and a make-style list of every file it read. */
    public List<String> command(Path clang, Path source, Path object, Path dependencyFile) {
        List<String> command = new ArrayList<>();
        command.add(clang.toString());
        command.addAll(commonArguments());
        command.addAll(List.of("-MD", "-MF", dependencyFile.toString(), "-c", source.toString(),
                "-o", object.toString()));
        return command;
    }
}
