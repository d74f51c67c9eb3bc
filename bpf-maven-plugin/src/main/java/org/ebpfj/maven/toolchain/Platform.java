package org.ebpfj.maven.toolchain;

import java.util.Locale;
import java.util.Optional;

/**
 * The build machine as Java names it ({@code os.name}, {@code os.arch}), translated into the three names the
 * plugin needs: the kernel's architecture name for {@code -D__TARGET_ARCH_<arch>} (what {@code bpf_tracing.h}
 * selects the pt_regs layout by), Debian's multiarch triple (where {@code asm/types.h} lives), and the
 * classifier of the {@code org.bytedeco:llvm} jar.
 */
public record Platform(String osName, String osArch) {

    public static Platform current() {
        return new Platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    public boolean isLinux() {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /** The kernel's name for this architecture ({@code arch/<name>} in the kernel tree). */
    public Optional<String> kernelArch() {
        switch (normalizedArch()) {
            case "x86_64": return Optional.of("x86");
            case "aarch64": return Optional.of("arm64");
            case "arm": return Optional.of("arm");
            case "s390x": return Optional.of("s390");
            case "ppc64le": case "ppc64": return Optional.of("powerpc");
            case "riscv64": return Optional.of("riscv");
            case "loongarch64": return Optional.of("loongarch");
            case "mips64el": case "mips64": return Optional.of("mips");
            default: return Optional.empty();
        }
    }

    /** Debian's multiarch triple, the directory under {@code /usr/include} holding {@code asm/}. */
    public Optional<String> multiarchTriple() {
        if (!isLinux()) {
            return Optional.empty();
        }
        switch (normalizedArch()) {
            case "x86_64": return Optional.of("x86_64-linux-gnu");
            case "aarch64": return Optional.of("aarch64-linux-gnu");
            case "arm": return Optional.of("arm-linux-gnueabihf");
            case "s390x": return Optional.of("s390x-linux-gnu");
            case "ppc64le": return Optional.of("powerpc64le-linux-gnu");
            case "riscv64": return Optional.of("riscv64-linux-gnu");
            case "loongarch64": return Optional.of("loongarch64-linux-gnu");
            default: return Optional.empty();
        }
    }

    /**
     * The classifier of the {@code org.bytedeco:llvm} jar whose layout the embedded toolchain knows. Only
     * Linux: the macOS and Windows jars are laid out differently and clang cannot target their kernels anyway.
     */
    public Optional<String> bytedecoClassifier() {
        if (!isLinux()) {
            return Optional.empty();
        }
        switch (normalizedArch()) {
            case "x86_64": return Optional.of("linux-x86_64");
            case "aarch64": return Optional.of("linux-arm64");
            default: return Optional.empty();
        }
    }

    String normalizedArch() {
        String arch = osArch.toLowerCase(Locale.ROOT);
        switch (arch) {
            case "amd64": case "x86-64": case "x64": return "x86_64";
            case "arm64": return "aarch64";
            case "ppc64el": return "ppc64le";
            default: return arch.startsWith("arm") ? "arm" : arch;
        }
    }

    @Override
    public String toString() {
        return osName + "/" + osArch;
    }
}
