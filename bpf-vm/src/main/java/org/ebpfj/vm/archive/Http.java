package org.ebpfj.vm.archive;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.ebpfj.vm.VmException;

/** Downloads with bounded connect and transfer times, so a dead mirror fails the build instead of hanging it. */
public final class Http {
    private static final Duration CONNECT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Duration transfer;

    public Http(Duration transfer) {
        this.transfer = transfer;
    }

    /** Downloads {@code url} to {@code target} (atomically); 404 is a {@link NotFound}. */
    public void download(String url, Path target) throws VmException, NotFound {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(transfer).GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() == 404 || response.statusCode() == 410) {
                    throw new NotFound(url);
                }
                if (response.statusCode() != 200) {
                    throw new VmException("GET " + url + " answered HTTP " + response.statusCode());
                }
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new VmException("GET " + url + " timed out after " + transfer.toSeconds() + " s: is the Debian "
                    + "archive reachable (proxy settings)?", e);
        } catch (IOException e) {
            throw new VmException("GET " + url + " failed: " + e + ": is the Debian archive reachable?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VmException("interrupted while downloading " + url, e);
        }
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails unless {@code file} has the size and SHA256 the signed index lists. */
    public static void verify(Path file, String expectedSha256, long expectedSize, String what) throws VmException {
        try {
            long size = Files.size(file);
            String actual = sha256(file);
            if (size != expectedSize || !actual.equalsIgnoreCase(expectedSha256)) {
                Files.deleteIfExists(file);
                throw new VmException("checksum mismatch for " + what + ": expected SHA256 " + expectedSha256 + " ("
                        + expectedSize + " bytes) as the signed archive index lists, got " + actual + " (" + size
                        + " bytes); the download was deleted. A proxy or mirror serves altered or stale files: retry, "
                        + "or set another mirror");
            }
        } catch (IOException e) {
            throw new VmException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The server has no such file (the archive dropped it). */
    public static final class NotFound extends Exception {
        private static final long serialVersionUID = 1L;

        NotFound(String url) {
            super(url);
        }
    }
}
