package org.ebpfj.vm.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import org.ebpfj.vm.VmException;

/**
 * Finds Debian kernel packages in the archive without touching the system's apt configuration: the suites'
 * {@code InRelease} (signature verified) and {@code Packages.gz} (SHA256 verified) are kept in a private folder of
 * the cache, refreshed after {@link #INDEX_MAX_AGE}.
 */
public final class DebianArchive {
    static final Duration INDEX_MAX_AGE = Duration.ofHours(6);
    private static final String MIRROR = System.getProperty("ebpfj.debian.mirror", "http://deb.debian.org");

    /** A suite and the archive serving it. */
    record Suite(String name, String base) {
        String url(String path) {
            return base + "/dists/" + name + "/" + path;
        }
    }

    private final Path indexDir;
    private final Http http;
    private final Consumer<String> log;

    public DebianArchive(Path cacheRoot, Consumer<String> log) {
        this.indexDir = cacheRoot.resolve("apt-index");
        this.http = new Http(Duration.ofMinutes(10));
        this.log = log;
    }

    /**
     * The suites that serve a series (5.10: bullseye; 6.1: bookworm; 6.12: bookworm and trixie; 7.x and later:
     * trixie-backports and sid, where the kernel is split into several packages, see {@link DebianPackage}).
     */
    static List<Suite> suitesFor(String series) {
        String debian = MIRROR + "/debian";
        String security = MIRROR + "/debian-security";
        switch (series) {
            case "5.10":
                return List.of(new Suite("bullseye-security", security), new Suite("bullseye", debian));
            case "6.1":
                return List.of(new Suite("bookworm-security", security), new Suite("bookworm", debian));
            case "6.12":
                return List.of(new Suite("bookworm-security", security), new Suite("bookworm", debian),
                        new Suite("trixie-security", security), new Suite("trixie", debian));
            default:
                return List.of(new Suite("trixie-backports", debian), new Suite("sid", debian));
        }
    }

    /**
     * The series the archive is known to serve: fixed ones, and "7.x" for what trixie-backports and sid carry at the
     * moment (7.2, 7.3 on 2026-12-07; it moves).
     */
    public static List<String> knownSeries() {
        return List.of("5.10", "6.1", "6.12", "7.x (trixie-backports, sid)");
    }

    /** The newest package of {@code series} ({@code 6.1}) any of its suites serves. */
    public DebianPackage newest(String series) throws VmException {
        List<DebianPackage> all = kernels(series);
        return all.stream().filter(p -> p.series().equals(series)).max(Comparator.comparing(DebianPackage::version,
                DebVersion.ORDER)).orElseThrow(() -> new VmException("the Debian archive serves no linux-image "
                + "package of kernel " + series + servedNearby(all) + " (suites " + suitesFor(series).stream().map(Suite::name).toList()
                + "); series it serves: " + knownSeries() + ", or give a local kernel (local:/path/vmlinuz)"));
    }

    /**
     * The package with this exact Debian version ({@code 6.1.192-3}) or ABI ({@code 6.1.0-57}); fails listing what
     * is served, since the archive drops old point versions.
     */
    public DebianPackage exact(String pin) throws VmException {
        String series = pin.replaceFirst("^(\\d+\\.\\d+).*", "$1");
        List<DebianPackage> all = kernels(series);
        Optional<DebianPackage> hit = all.stream().filter(p -> p.version().equals(pin)
                || p.name().equals("linux-image-" + pin + "-amd64") || p.release().equals(pin)).findFirst();
        return hit.orElseThrow(() -> new VmException("the Debian archive no longer serves kernel " + pin
                + " (it drops old point versions); it serves " + all.stream().filter(p -> p.series().equals(series))
                .sorted(Comparator.comparing(DebianPackage::version, DebVersion.ORDER))
                .map(p -> p.version() + " (" + p.release() + ")").distinct().toList()
                + ": pin one of these, or name the series (" + series + ") for the newest"));
    }

    /** For a series the suites do not carry: what they carry instead (" (they serve 7.2, 7.3)"). */
    private static String servedNearby(List<DebianPackage> all) {
        List<String> series = all.stream().map(DebianPackage::series).distinct()
                .sorted(Comparator.comparing(s -> s, DebVersion.ORDER)).toList();
        return series.isEmpty() ? "" : " (they serve " + String.join(", ", series) + ")";
    }

    private List<DebianPackage> kernels(String series) throws VmException {
        SignedRelease.requireGpgv();
        List<DebianPackage> out = new ArrayList<>();
        for (Suite s : suitesFor(series)) {
            out.addAll(kernels(s));
        }
        return out;
    }

    private List<DebianPackage> kernels(Suite suite) throws VmException {
        Path inRelease = indexDir.resolve(suite.name() + ".InRelease");
        try {
            boolean fresh = Files.exists(inRelease) && Files.getLastModifiedTime(inRelease).toInstant()
                    .isAfter(Instant.now().minus(INDEX_MAX_AGE));
            if (!fresh) {
                log.accept("Fetching " + suite.url("InRelease"));
                http.download(suite.url("InRelease"), inRelease);
            }
            SignedRelease release = SignedRelease.verify(inRelease, suite.name());
            // Most suites sign a gzip index; the security archive only an xz one (decompressed by xz-utils).
            String path = "main/binary-amd64/Packages.gz";
            Optional<String[]> listed = release.sha256(path);
            if (listed.isEmpty()) {
                path = "main/binary-amd64/Packages.xz";
                listed = release.sha256(path);
            }
            String index = path;
            String[] hash = listed.orElseThrow(() -> new VmException(suite.name()
                    + "'s InRelease lists no main/binary-amd64/Packages.gz or .xz"));
            String ext = path.substring(path.lastIndexOf('.'));
            Path packages = indexDir.resolve(suite.name() + "-" + hash[0].substring(0, 16) + "-Packages" + ext);
            if (!Files.exists(packages)) {
                log.accept("Fetching " + suite.url(path) + " (" + Long.parseLong(hash[1]) / (1 << 20) + " MiB)");
                http.download(suite.url(path), packages);
                Http.verify(packages, hash[0], Long.parseLong(hash[1]), suite.name() + " " + index);
            }
            if (ext.equals(".xz")) {
                Path plain = packages.resolveSibling(packages.getFileName() + ".txt");
                if (!Files.exists(plain)) {
                    Process p = new ProcessBuilder("xz", "-dc", packages.toString()).redirectOutput(plain.toFile())
                            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                    if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
                        p.destroyForcibly();
                        Files.deleteIfExists(plain);
                        throw new VmException("cannot decompress " + packages + " with xz: install xz-utils");
                    }
                }
                try (InputStream in = Files.newInputStream(plain)) {
                    return PackageIndex.kernels(in, suite.name(), suite.base());
                }
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(packages), 1 << 16)) {
                return PackageIndex.kernels(in, suite.name(), suite.base());
            }
        } catch (Http.NotFound e) {
            log.accept("Suite " + suite.name() + " is not served (" + e.getMessage() + "); skipped");
            return List.of();
        } catch (IOException e) {
            throw new VmException("cannot read the index of " + suite.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VmException("interrupted while reading " + suite.name(), e);
        }
    }

    /**
     * Downloads one package (the kernel, or one of its {@link DebianPackage#parts() parts}) into {@code target}
     * and checks the SHA256 and size the signed index gave.
     */
    public void download(DebianPackage p, Path target) throws VmException {
        try {
            http.download(p.url(), target);
        } catch (Http.NotFound e) {
            throw new VmException(p.url() + " is gone from the archive (it was listed a moment ago): retry");
        }
        Http.verify(target, p.sha256(), p.size(), p.name() + " " + p.version());
    }
}
