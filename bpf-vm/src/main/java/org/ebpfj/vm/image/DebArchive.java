package org.ebpfj.vm.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ebpfj.vm.VmException;

/** The {@code ar} container of a .deb: finds the {@code data.tar.*} member (for hosts without dpkg-deb). */
final class DebArchive {
    private DebArchive() {
    }

    static Path dataMember(Path deb, Path dir) throws VmException {
        try (InputStream in = Files.newInputStream(deb)) {
            byte[] magic = in.readNBytes(8);
            if (!new String(magic, StandardCharsets.US_ASCII).equals("!<arch>\n")) {
                throw new VmException(deb + " is not a Debian package (no ar header)");
            }
            while (true) {
                byte[] header = in.readNBytes(60);
                if (header.length < 60) {
                    throw new VmException(deb + " has no data.tar member");
                }
                String name = new String(header, 0, 16, StandardCharsets.US_ASCII).trim().replaceAll("/$", "");
                long size = Long.parseLong(new String(header, 48, 10, StandardCharsets.US_ASCII).trim());
                if (name.startsWith("data.tar")) {
                    Path out = dir.resolve(name);
                    try (var os = Files.newOutputStream(out)) {
                        long left = size;
                        byte[] buf = new byte[1 << 16];
                        while (left > 0) {
                            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                            if (n < 0) {
                                throw new VmException(deb + " is truncated");
                            }
                            os.write(buf, 0, n);
                            left -= n;
                        }
                    }
                    return out;
                }
                in.skipNBytes(size + (size & 1));
            }
        } catch (IOException e) {
            throw new VmException("cannot read " + deb + ": " + e.getMessage(), e);
        }
    }
}
