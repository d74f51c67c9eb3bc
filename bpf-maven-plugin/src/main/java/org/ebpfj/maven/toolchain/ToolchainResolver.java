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
 * Finds the clang to compile BPF with and says why it chose it (the policy is {@link ClangChoice}'s):
 * <ol>
 *   <li>a configured clang ({@code <clang>} / {@code -Dbpf.clang}: a path, or a name such as {@code clang-14}
 *       looked up on the PATH); when set, nothing else is tried, because a user who names a compiler wants that
 *       one or an error, never a silent substitute;</li>
 *   <li>by default the embedded clang from {@code org.bytedeco:llvm}, fetched through the build's artifact
 *       resolver and extracted once into a cache; only when it cannot be had (no build for the platform, offline
 *       and not cached) a clang from the PATH, with a warning;</li>
 *   <li>with {@code <toolchain>path</toolchain>}: {@code clang} on the {@code PATH}, then versioned names
 *       ({@code clang-21} ... {@code clang-14}) as Debian installs them, each checked to have the BPF target and
 *       to be at least {@link ClangVersionFloor#MINIMUM_MAJOR}.</li>
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
     * @param embeddedVersion the {@code org.bytedeco:llvm} version; empty disables the embedded clang
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

    /** The default policy: the configured clang if any, else the embedded one. */
    public Clang resolve(Optional<String> configured) throws ToolchainException {
        return resolve(configured, ClangChoice.EMBEDDED);
    }

    public Clang resolve(Optional<String> configured, ClangChoice choice) throws ToolchainException {
        List<ToolchainAttempt> attempts = new ArrayList<>();
        if (configured.isPresent() && !configured.get().isBlank()) {
            return configured(configured.get().trim(), attempts);
        }
        if (choice == ClangChoice.PATH) {
            Optional<Clang> onPath = fromPath(attempts, "<toolchain>path</toolchain>");
            if (onPath.isPresent()) {
                return onPath.get();
            }
            throw new ToolchainException(attempts, "install clang " + ClangVersionFloor.MINIMUM_MAJOR
                    + " or newer with the BPF target (e.g. apt-get install clang), or drop <toolchain>path</toolchain>"
                    + " (-Dbpf.toolchain=path) to use the embedded clang");
        }
        Optional<Clang> embedded = embedded(attempts);
        if (embedded.isPresent()) {
            return embedded.get();
        }
        Optional<Clang> onPath = fromPath(attempts, "the embedded clang is unavailable: " + attempts.get(0).outcome());
        if (onPath.isPresent()) {
            log.warn("The embedded clang is unavailable (" + attempts.get(0).outcome() + "); using "
                    + onPath.get().executable() + " from the PATH instead, so objects may differ from other machines'");
            return onPath.get();
        }
        throw new ToolchainException(attempts,
                "run once online so " + EmbeddedLlvm.GROUP_ID + ":" + EmbeddedLlvm.ARTIFACT_ID + " can be downloaded,"
                        + " install clang " + ClangVersionFloor.MINIMUM_MAJOR + "+ (e.g. apt-get install clang), or"
                        + " set <clang> (property bpf.clang) to a clang with the BPF target");
    }

    private Clang configured(String value, List<ToolchainAttempt> attempts) throws ToolchainException {
        String remedy = "fix or remove <clang> (property bpf.clang) so the embedded clang is used";
        List<Path> candidates = new ArrayList<>();
        if (value.contains("/")) {
            candidates.add(Path.of(value).toAbsolutePath());
        } else {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, value))) {
                    candidates.add(Path.of(dir, value).toAbsolutePath());
                }
            }
            if (candidates.isEmpty()) {
                attempts.add(new ToolchainAttempt("configured <clang> " + value, "not found on the PATH"));
                throw new ToolchainException(attempts, remedy);
            }
        }
        for (Path path : candidates) {
            ClangProbe.Result result = probe.probe(path);
            Optional<String> tooOld = result.version().flatMap(ClangVersionFloor::problem);
            if (result.usable() && tooOld.isEmpty()) {
                return new Clang(path, result.version().orElseThrow(), "configured <clang>");
            }
            attempts.add(new ToolchainAttempt("configured <clang> " + path, tooOld.orElse(result.problem())));
        }
        throw new ToolchainException(attempts, remedy);
    }

    private Optional<Clang> fromPath(List<ToolchainAttempt> attempts, String why) {
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
                Optional<String> tooOld = result.version().flatMap(ClangVersionFloor::problem);
                if (result.usable() && tooOld.isEmpty()) {
                    return Optional.of(new Clang(candidate, result.version().orElseThrow(),
                            "found on PATH as '" + name + "'; " + why));
                }
                String problem = tooOld.orElse(result.problem());
                rejected.add(candidate + ": " + problem);
                log.warn("Ignoring " + candidate + " on the PATH: " + problem);
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
                        "embedded " + llvm.displayName() + ", the default: the same pinned clang on every machine;"
                                + " <toolchain>path</toolchain> uses clang " + ClangVersionFloor.MINIMUM_MAJOR
                                + "+ from the PATH", true));
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
