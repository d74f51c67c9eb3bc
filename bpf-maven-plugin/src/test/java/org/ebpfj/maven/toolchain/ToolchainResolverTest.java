package org.ebpfj.maven.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ebpfj.maven.log.BuildLog;
import org.ebpfj.maven.testing.FakeClang;
import org.ebpfj.maven.testing.RecordingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class ToolchainResolverTest {

    private static final Platform LINUX_X86 = new Platform("Linux", "amd64");

    @TempDir
    Path tmp;

    private final List<String> fetched = new ArrayList<>();

    private ArtifactFetcher offline() {
        return coordinates -> {
            fetched.add(coordinates);
            throw new ArtifactFetcher.ArtifactUnavailableException("offline and not in the local repository");
        };
    }

    private ToolchainResolver resolver(String path, ArtifactFetcher fetcher, Platform platform) {
        return new ToolchainResolver(new ClangProbe(), platform, path, fetcher, tmp.resolve("cache"),
                EmbeddedLlvm.DEFAULT_VERSION, BuildLog.silent());
    }

    @Test
    void configuredClangWins() throws Exception {
        Path configured = FakeClang.withBpf(tmp.resolve("opt"), "my-clang");
        FakeClang.withBpf(tmp.resolve("bin"), "clang");

        Clang clang = resolver(tmp.resolve("bin").toString(), offline(), LINUX_X86)
                .resolve(Optional.of(configured.toString()));

        assertThat(clang.executable()).isEqualTo(configured);
        assertThat(clang.version()).isEqualTo("clang version 18.1.8 (fake)");
        assertThat(clang.origin()).isEqualTo("configured <clang>");
        assertThat(fetched).isEmpty();
    }

    @Test
    void aConfiguredNameIsLookedUpOnThePath() throws Exception {
        Path fourteen = FakeClang.withBpf(tmp.resolve("bin"), "clang-14", 14);

        Clang clang = resolver(tmp.resolve("bin").toString(), offline(), LINUX_X86).resolve(Optional.of("clang-14"));

        assertThat(clang.executable()).isEqualTo(fourteen);
        assertThat(clang.major()).hasValue(14);
    }

    @Test
    void aBrokenConfiguredClangIsAnErrorEvenWhenThePathHasOne() throws Exception {
        FakeClang.withBpf(tmp.resolve("bin"), "clang");
        Path missing = tmp.resolve("nowhere/clang");

        assertThatThrownBy(() -> resolver(tmp.resolve("bin").toString(), offline(), LINUX_X86)
                .resolve(Optional.of(missing.toString())))
                .isInstanceOf(ToolchainException.class)
                .hasMessage("no usable clang for BPF: tried configured <clang> " + missing + " (not found) — fix or"
                        + " remove <clang> (property bpf.clang) so the embedded clang is used");
        assertThat(fetched).isEmpty();
    }

    @Test
    void configuredClangWithoutTheBpfTargetIsRejected() throws Exception {
        Path configured = FakeClang.withoutBpf(tmp.resolve("opt"), "clang");
        assertThatThrownBy(() -> resolver("", offline(), LINUX_X86).resolve(Optional.of(configured.toString())))
                .hasMessageContaining("(built without the BPF target)");
    }

    @Test
    void aConfiguredClangBelowTheFloorNamesTheMinimum() throws Exception {
        Path old = FakeClang.withBpf(tmp.resolve("opt"), "clang-11", 11);
        assertThatThrownBy(() -> resolver("", offline(), LINUX_X86).resolve(Optional.of(old.toString())))
                .hasMessageContaining("(clang 11 is older than the minimum, clang 14)");
    }

    @Test
    void byDefaultTheEmbeddedClangIsUsedEvenWhenThePathHasOne() throws Exception {
        FakeClang.withBpf(tmp.resolve("bin"), "clang-14", 14);
        Path jar = fakeLlvmJar(tmp.resolve("llvm.jar"));

        Clang clang = resolver(tmp.resolve("bin").toString(), coordinates -> jar, LINUX_X86).resolve(Optional.empty());

        assertThat(clang.embedded()).isTrue();
        assertThat(clang.executable()).isEqualTo(tmp.resolve("cache/llvm-20.1.7-1.5.12-linux-x86_64/clang"));
        assertThat(clang.origin()).contains("the default: the same pinned clang on every machine");
    }

    @Test
    void onRequestTheFirstClangOnThePathWithTheBpfTarget() throws Exception {
        FakeClang.withoutBpf(tmp.resolve("a"), "clang");
        FakeClang.notClang(tmp.resolve("b"), "clang");
        Path good = FakeClang.withBpf(tmp.resolve("c"), "clang-19");
        String path = tmp.resolve("a") + ":" + tmp.resolve("b") + ":" + tmp.resolve("empty") + ":" + tmp.resolve("c");

        Clang clang = resolver(path, offline(), LINUX_X86).resolve(Optional.empty(), ClangChoice.PATH);

        assertThat(clang.executable()).isEqualTo(good);
        assertThat(clang.origin()).isEqualTo("found on PATH as 'clang-19'; <toolchain>path</toolchain>");
        assertThat(clang.embedded()).isFalse();
        assertThat(fetched).isEmpty();
    }

    @Test
    void onRequestAPathClangBelowTheFloorIsSkippedWithAWarning() throws Exception {
        FakeClang.withBpf(tmp.resolve("a"), "clang", 13);
        Path fourteen = FakeClang.withBpf(tmp.resolve("a"), "clang-14", 14);
        RecordingLog log = new RecordingLog();

        Clang clang = new ToolchainResolver(new ClangProbe(), LINUX_X86, tmp.resolve("a").toString(), offline(),
                tmp.resolve("cache"), EmbeddedLlvm.DEFAULT_VERSION, log)
                .resolve(Optional.empty(), ClangChoice.PATH);

        assertThat(clang.executable()).isEqualTo(fourteen);
        assertThat(log.at("WARNING")).anyMatch(w -> w.contains("clang 13 is older than the minimum, clang 14"));
    }

    @Test
    void unversionedClangIsPreferredOverVersionedNames() throws Exception {
        FakeClang.withBpf(tmp.resolve("a"), "clang-20");
        Path plain = FakeClang.withBpf(tmp.resolve("b"), "clang");

        Clang clang = resolver(tmp.resolve("a") + ":" + tmp.resolve("b"), offline(), LINUX_X86)
                .resolve(Optional.empty(), ClangChoice.PATH);

        assertThat(clang.executable()).isEqualTo(plain);
    }

    @Test
    void aRequestedPathClangIsNeverReplacedByTheEmbeddedOne() {
        assertThatThrownBy(() -> resolver(tmp.resolve("empty").toString(), offline(), LINUX_X86)
                .resolve(Optional.empty(), ClangChoice.PATH))
                .hasMessage("no usable clang for BPF: tried PATH (no clang) — install clang 14 or newer with the BPF"
                        + " target (e.g. apt-get install clang), or drop <toolchain>path</toolchain>"
                        + " (-Dbpf.toolchain=path) to use the embedded clang");
        assertThat(fetched).isEmpty();
    }

    @Test
    void withoutTheEmbeddedClangThePathIsUsedWithAWarning() throws Exception {
        Path onPath = FakeClang.withBpf(tmp.resolve("bin"), "clang-16", 16);
        RecordingLog log = new RecordingLog();

        Clang clang = new ToolchainResolver(new ClangProbe(), LINUX_X86, tmp.resolve("bin").toString(), offline(),
                tmp.resolve("cache"), EmbeddedLlvm.DEFAULT_VERSION, log)
                .resolve(Optional.empty());

        assertThat(clang.executable()).isEqualTo(onPath);
        assertThat(log.at("WARNING")).anyMatch(w -> w.contains("The embedded clang is unavailable (offline and not in the"
                + " local repository); using " + onPath + " from the PATH instead"));
    }

    @Test
    void nothingAnywhereGivesOneErrorNamingEverythingTried() {
        assertThatThrownBy(() -> resolver(tmp.resolve("empty").toString(), offline(), LINUX_X86)
                .resolve(Optional.empty()))
                .isInstanceOf(ToolchainException.class)
                .hasMessage("no usable clang for BPF: tried embedded"
                        + " org.bytedeco:llvm:20.1.7-1.5.12:jar:linux-x86_64 (offline and not in the local"
                        + " repository), PATH (no clang) — run once online so org.bytedeco:llvm can be downloaded,"
                        + " install clang 14+ (e.g. apt-get install clang), or set <clang> (property bpf.clang) to a"
                        + " clang with the BPF target")
                .satisfies(e -> assertThat(((ToolchainException) e).attempts()).hasSize(2));
        assertThat(fetched).containsExactly("org.bytedeco:llvm:jar:linux-x86_64:20.1.7-1.5.12");
    }

    @Test
    void rejectedPathCandidatesAreNamedInTheError() throws Exception {
        Path noBpf = FakeClang.withoutBpf(tmp.resolve("a"), "clang");
        assertThatThrownBy(() -> resolver(tmp.resolve("a").toString(), offline(), LINUX_X86)
                .resolve(Optional.empty(), ClangChoice.PATH))
                .hasMessageContaining("PATH (no usable clang: " + noBpf + ": built without the BPF target)");
    }

    @Test
    void unsupportedPlatformSaysSo() {
        assertThatThrownBy(() -> resolver("", offline(), new Platform("Mac OS X", "aarch64")).resolve(Optional.empty()))
                .hasMessageContaining("embedded org.bytedeco:llvm (no build for this platform (Mac OS X/aarch64);"
                        + " Linux x86_64 and arm64 only)");
        assertThat(fetched).isEmpty();
    }

    @Test
    void embeddedClangIsFetchedExtractedOnceAndUsed() throws Exception {
        Path jar = fakeLlvmJar(tmp.resolve("llvm.jar"));
        List<String> requests = new ArrayList<>();
        ArtifactFetcher fetcher = coordinates -> {
            requests.add(coordinates);
            return jar;
        };

        Clang first = resolver("", fetcher, LINUX_X86).resolve(Optional.empty());
        Clang second = resolver("", fetcher, LINUX_X86).resolve(Optional.empty());

        Path installation = tmp.resolve("cache/llvm-20.1.7-1.5.12-linux-x86_64");
        assertThat(first.executable()).isEqualTo(installation.resolve("clang"));
        assertThat(first.origin()).startsWith("embedded org.bytedeco:llvm:20.1.7-1.5.12:jar:linux-x86_64");
        assertThat(second).isEqualTo(first);
        assertThat(requests).hasSize(1); // the second build found the extraction and did not ask the resolver
    }

    /** A jar laid out like org.bytedeco:llvm's, with a fake clang. */
    static Path fakeLlvmJar(Path jar) throws IOException {
        Path scratch = Files.createTempDirectory(jar.getParent(), "fake");
        byte[] clang = Files.readAllBytes(FakeClang.withBpf(scratch, "clang"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            String prefix = "org/bytedeco/llvm/linux-x86_64/";
            put(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes());
            put(zip, prefix + "clang", clang);
            put(zip, prefix + "libclang-cpp.so", new byte[] {1});
            put(zip, prefix + "libLLVM.so", new byte[] {2});
            put(zip, prefix + "libLTO.so", new byte[] {3});
            put(zip, prefix + "llvm-objdump", new byte[] {4});
            put(zip, prefix + "lib/clang/20/include/stddef.h", "/* stddef */".getBytes());
            put(zip, prefix + "lib/cmake/llvm/LLVMConfig.cmake", new byte[] {5});
            put(zip, prefix + "include/llvm-c/Core.h", new byte[] {6});
        }
        return jar;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
