package org.ebpfj.maven.toolchain;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ebpfj.maven.log.BuildLog;
import org.ebpfj.maven.toolchain.ArtifactFetcher.ArtifactUnavailableException;

/**
 * Finds the clang to compile BPF with, in a fixed order, and says why it chose it:
 * <ol>
 *   <li>the configured path ({@code <clang>} / {@code -Dbpf.clang}); when set, nothing else is tried, because
 *       a user who names a compiler wants that one or an error, never a silent substitute;</li>
 *   <li>{@code clang} on the {@code PATH}, then versioned names ({@code clang-21} ... {@code clang-14}) as
 *       Debian installs them, each checked to have the BPF target;</li>
 *   <li>the embedded clang from {@code org.bytedeco:llvm}, fetched through the build's artifact resolver and
 *       extracted once into a cache.</li>
 * </ol>
 * When none works, one {@link ToolchainException} lists every attempt and how to fix it.
 */
public final class ToolchainResolver {

    /** Names searched on the PATH, preferred first. The unversioned name is the user's own choice of default. */
    static final List<String> PATH_NAMES = List.of(
            "clang", "clang-21", "clang-20", "clang-19", "clang-18", "clang-17", "clang-16", "clang-15", "clang-14");

    private final ClangProbe probe;
    private final Platform platform;
    private final String pathVariable;
    private final ArtifactFetcher fetcher;
    private final Path cacheRoot;
    private final String embeddedVersion;
    private final BuildLog log;

    /**
     * @param pathVariable    the {@code PATH} to search (normally {@code System.getenv("PATH")}); may be null
     * @param cacheRoot       where the embedded clang is extracted
     * @param embeddedVersion the {@code org.bytedeco:llvm} version; empty disables the embedded fallback
     */
    public ToolchainResolver(ClangProbe probe, Platform platform, String pathVariable, ArtifactFetcher fetcher,
            Path cacheRoot, String embeddedVersion, BuildLog log) {
        this.probe = probe;
        this.platform = platform;
        this.pathVariable = pathVariable == null ? "" : pathVariable;
        this.fetcher = fetcher;
        this.cacheRoot = cacheRoot;
        this.embeddedVersion = embeddedVersion == null ? "" : embeddedVersion.trim();
        this.log = log;
    }

    public Clang resolve(Optional<Path> configured) throws ToolchainException {
        List<ToolchainAttempt> attempts = new ArrayList<>();
        if (configured.isPresent()) {
            Path path = configured.get();
            ClangProbe.Result result = probe.probe(path);
            if (result.usable()) {
                return new Clang(path, result.version().orElseThrow(), "configured <clang>");
            }
            attempts.add(new ToolchainAttempt("configured <clang> " + path, result.problem()));
            throw new ToolchainException(attempts,
                    "fix or remove <clang> (property bpf.clang) so the PATH or the embedded clang is used");
        }

        Optional<Clang> onPath = fromPath(attempts);
        if (onPath.isPresent()) {
            return onPath.get();
        }
        Optional<Clang> embedded = embedded(attempts);
        if (embedded.isPresent()) {
            return embedded.get();
        }
        throw new ToolchainException(attempts,
                "install clang (e.g. apt-get install clang), set <clang> (property bpf.clang) to a clang with the"
                        + " BPF target, or run once online so " + EmbeddedLlvm.GROUP_ID + ":" + EmbeddedLlvm.ARTIFACT_ID
                        + " can be downloaded");
    }

    private Optional<Clang> fromPath(List<ToolchainAttempt> attempts) {
        List<String> rejected = new ArrayList<>();
        for (String name : PATH_NAMES) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name).toAbsolutePath();
                if (!Files.isRegularFile(candidate) || !Files.isExecutable(candidate)) {
                    continue;
                }
                ClangProbe.Result result = probe.probe(candidate);
                if (result.usable()) {
                    return Optional.of(new Clang(candidate, result.version().orElseThrow(),
                            "found on PATH as '" + name + "'"));
                }
                rejected.add(candidate + ": " + result.problem());
                log.warn("Ignoring " + candidate + " on the PATH: " + result.problem());
            }
        }
        attempts.add(new ToolchainAttempt("PATH",
                rejected.isEmpty() ? "no clang" : "no usable clang: " + String.join("; ", rejected)));
        return Optional.empty();
    }

    private Optional<Clang> embedded(List<ToolchainAttempt> attempts) {
        if (embeddedVersion.isEmpty()) {
            attempts.add(new ToolchainAttempt("embedded " + EmbeddedLlvm.GROUP_ID + ":" + EmbeddedLlvm.ARTIFACT_ID,
                    "disabled (embeddedLlvmVersion is empty)"));
            return Optional.empty();
        }
        Optional<String> classifier = platform.bytedecoClassifier();
        if (classifier.isEmpty()) {
            attempts.add(new ToolchainAttempt("embedded " + EmbeddedLlvm.GROUP_ID + ":" + EmbeddedLlvm.ARTIFACT_ID,
                    "no build for this platform (" + platform + "); Linux x86_64 and arm64 only"));
            return Optional.empty();
        }
        EmbeddedLlvm llvm = new EmbeddedLlvm(embeddedVersion, classifier.get());
        EmbeddedClangInstaller installer = new EmbeddedClangInstaller(llvm);
        String label = "embedded " + llvm.displayName();
        try {
            Path installation;
            if (installer.isInstalled(cacheRoot)) {
                installation = installer.installationDir(cacheRoot);
            } else {
                Path jar = fetcher.fetch(llvm.coordinates());
                log.info("Extracting clang from " + jar.getFileName() + " into " + installer.installationDir(cacheRoot)
                        + " (once)");
                installation = installer.install(jar, cacheRoot);
            }
            Path clang = EmbeddedClangInstaller.clangIn(installation);
            ClangProbe.Result result = probe.probe(clang);
            if (result.usable()) {
                return Optional.of(new Clang(clang, result.version().orElseThrow(),
                        "embedded " + llvm.displayName() + ", no usable clang configured or on the PATH"));
            }
            attempts.add(new ToolchainAttempt(label, clang + ": " + result.problem()));
        } catch (ArtifactUnavailableException e) {
            attempts.add(new ToolchainAttempt(label, e.getMessage()));
        } catch (IOException e) {
            attempts.add(new ToolchainAttempt(label, "extraction into " + cacheRoot + " failed: " + e.getMessage()));
        }
        return Optional.empty();
    }
}
