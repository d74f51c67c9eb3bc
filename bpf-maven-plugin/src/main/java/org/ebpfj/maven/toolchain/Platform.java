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

    /** One row per architecture the plugin knows; a null column is a name that architecture does not have. */
    private enum Arch {
        X86_64("x86_64", "x86", "x86_64-linux-gnu", "linux-x86_64"),
        AARCH64("aarch64", "arm64", "aarch64-linux-gnu", "linux-arm64"),
        ARM("arm", "arm", "arm-linux-gnueabihf", null),
        S390X("s390x", "s390", "s390x-linux-gnu", null),
        PPC64LE("ppc64le", "powerpc", "powerpc64le-linux-gnu", null),
        // Debian has no multiarch triple for big-endian ppc64.
        PPC64("ppc64", "powerpc", null, null),
        RISCV64("riscv64", "riscv", "riscv64-linux-gnu", null),
        LOONGARCH64("loongarch64", "loongarch", "loongarch64-linux-gnu", null),
        // Debian's mips64 ports are gone; the kernel name still selects bpf_tracing.h's layout.
        MIPS64EL("mips64el", "mips", null, null),
        MIPS64("mips64", "mips", null, null);

        final String javaName;
        final String kernelName;
        final String multiarchTriple;
        final String bytedecoClassifier;

        Arch(String javaName, String kernelName, String multiarchTriple, String bytedecoClassifier) {
            this.javaName = javaName;
            this.kernelName = kernelName;
            this.multiarchTriple = multiarchTriple;
            this.bytedecoClassifier = bytedecoClassifier;
        }

        static Optional<Arch> named(String normalized) {
            for (Arch arch : values()) {
                if (arch.javaName.equals(normalized)) {
                    return Optional.of(arch);
                }
            }
            return Optional.empty();
        }
    }

    public static Platform current() {
        return new Platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    public boolean isLinux() {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /** The kernel's name for this architecture ({@code arch/<name>} in the kernel tree). */
    public Optional<String> kernelArch() {
        return arch().map(a -> a.kernelName);
    }

    /** Debian's multiarch triple, the directory under {@code /usr/include} holding {@code asm/}. */
    public Optional<String> multiarchTriple() {
        return linuxArch().map(a -> a.multiarchTriple);
    }

    /**
     * The classifier of the {@code org.bytedeco:llvm} jar whose layout the embedded toolchain knows. Only
     * Linux: the macOS and Windows jars are laid out differently and clang cannot target their kernels anyway.
     */
    public Optional<String> bytedecoClassifier() {
        return linuxArch().map(a -> a.bytedecoClassifier);
    }

    private Optional<Arch> linuxArch() {
        return isLinux() ? arch() : Optional.empty();
    }

    private Optional<Arch> arch() {
        return Arch.named(normalizedArch());
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
