package org.ebpfj.vm.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ebpfj.vm.VmException;

/** Runs the host tools the preparation needs (dpkg-deb or ar + tar, xz, zstd), with a time bound each. */
final class Tools {
    private Tools() {
    }

    /** Runs {@code command}; its stdout goes to {@code out} when given. Fails with the tool's output. */
    static void run(List<String> command, Path out, String installHint) throws VmException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (out != null) {
            pb.redirectOutput(out.toFile());
        } else {
            pb.redirectErrorStream(true);
        }
        try {
            Process p = pb.start();
            InputStream diag = out != null ? p.getErrorStream() : p.getInputStream();
            byte[] text = diag.readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new VmException(String.join(" ", command) + " did not finish in 10 minutes");
            }
            if (p.exitValue() != 0) {
                throw new VmException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                        + new String(text).strip());
            }
        } catch (IOException e) {
            throw new VmException("cannot run " + command.get(0) + ": " + installHint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VmException("interrupted", e);
        }
    }

    /** Unpacks a .deb's files into {@code dir}: dpkg-deb where Debian tools exist, else ar + tar. */
    static void extractDeb(Path deb, Path dir) throws VmException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new VmException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        if (onPath("dpkg-deb")) {
            run(List.of("dpkg-deb", "-x", deb.toString(), dir.toString()), null, "install dpkg");
            return;
        }
        Path data = DebArchive.dataMember(deb, dir);
        run(List.of("tar", "-xf", data.toString(), "-C", dir.toString()), null,
                "install tar with xz and zstd support");
    }

    static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String d : path.split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
