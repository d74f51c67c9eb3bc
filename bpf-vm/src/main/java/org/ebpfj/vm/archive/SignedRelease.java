package org.ebpfj.vm.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.ebpfj.vm.VmException;

/**
 * A suite's {@code InRelease} file, verified as apt verifies it: its OpenPGP signature checked by {@code gpgv}
 * against the Debian archive keyring, then the SHA256 it lists for each index file.
 */
final class SignedRelease {
    static final List<Path> KEYRINGS = List.of(Path.of("/usr/share/keyrings/debian-archive-keyring.gpg"),
            Path.of("/usr/share/keyrings/debian-archive-keyring.pgp"));

    private final String text;

    private SignedRelease(String text) {
        this.text = text;
    }

    /** Checks the signature of {@code inRelease}; fails naming what to install when gpgv or the keyring is missing. */
    static SignedRelease verify(Path inRelease, String suite) throws VmException {
        Path keyring = KEYRINGS.stream().filter(Files::isReadable).findFirst().orElseThrow(() -> new VmException(
                "the Debian archive keyring is missing (" + KEYRINGS.get(0) + "): install it (Debian/Ubuntu: "
                        + "apt-get install debian-archive-keyring) so the kernel index can be verified"));
        ProcessBuilder pb = new ProcessBuilder("gpgv", "--keyring", keyring.toString(), inRelease.toString())
                .redirectErrorStream(true);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new VmException("gpgv did not finish verifying " + suite + "'s InRelease in 60 s");
            }
            if (p.exitValue() != 0) {
                Files.deleteIfExists(inRelease);
                throw new VmException("the signature of " + suite + "'s InRelease does not verify against "
                        + keyring + " (deleted it; retry, or update debian-archive-keyring):\n" + out.strip());
            }
            return new SignedRelease(Files.readString(inRelease, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new VmException("cannot run gpgv to verify the Debian archive's signature: install it "
                    + "(apt-get install gpgv): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VmException("interrupted while verifying " + suite, e);
        }
    }

    /** SHA256 and size of {@code path} ({@code main/binary-amd64/Packages.gz}) in the signed SHA256 list. */
    Optional<String[]> sha256(String path) {
        boolean inSha = false;
        for (String line : text.split("\n")) {
            if (!line.startsWith(" ")) {
                inSha = line.startsWith("SHA256:");
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (inSha && f.length == 3 && f[2].equals(path)) {
                return Optional.of(new String[] {f[0], f[1]});
            }
        }
        return Optional.empty();
    }

    static void requireGpgv() throws VmException {
        try {
            Process p = new ProcessBuilder("gpgv", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new VmException("gpgv is not installed: it verifies the Debian archive's signature as apt does; "
                    + "install it (apt-get install gpgv)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VmException("interrupted", e);
        }
    }
}
