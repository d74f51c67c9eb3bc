package org.ebpfj.maven.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The user's settings for compiling a project's BPF sources, as the {@code compile} goal's parameters give them.
 *
 * @param baseDirectory          the project folder (clang's working folder, mapped to "." in debug info)
 * @param includeDirectories     extra {@code -I} folders, searched after the source folder
 * @param cpu                    the BPF CPU version for {@code -mcpu=} ({@link CompileFlags#DEFAULT_CPU}); empty: none
 * @param defaultFlags           overridable defaults ({@link CompileFlags#DEFAULT_FLAGS} when empty)
 * @param targetArch             the kernel architecture name for {@code -D__TARGET_ARCH_<arch>}; empty: none
 * @param headersDirectory       where the plugin writes its own {@code bpf/*.h}
 * @param uapiHeader             the kernel UAPI {@code linux/bpf.h} to generate {@code bpf_helper_defs.h} from
 * @param vmlinuxDirectory       the folder of a generated {@code vmlinux.h}, added when it exists
 * @param systemIncludeDirectory the system header root ({@code /usr/include}): where libbpf's headers are looked
 *                               for, and whose multiarch folder is added with {@code -idirafter}
 * @param multiarchTriple        e.g. {@code x86_64-linux-gnu}; empty when unknown
 */
public record CompileConfiguration(
        Path baseDirectory,
        Path sourceDirectory,
        List<String> includes,
        List<String> excludes,
        Path outputDirectory,
        Path workDirectory,
        List<Path> includeDirectories,
        List<String> defines,
        Optional<String> cpu,
        List<String> defaultFlags,
        List<String> extraFlags,
        Optional<String> targetArch,
        Path headersDirectory,
        Path uapiHeader,
        boolean preferBundledHeaders,
        Optional<Path> vmlinuxDirectory,
        Path systemIncludeDirectory,
        Optional<String> multiarchTriple,
        int threads) {

    public CompileConfiguration {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        includeDirectories = List.copyOf(includeDirectories);
        defines = List.copyOf(defines);
        defaultFlags = List.copyOf(defaultFlags);
        extraFlags = List.copyOf(extraFlags);
    }
}
