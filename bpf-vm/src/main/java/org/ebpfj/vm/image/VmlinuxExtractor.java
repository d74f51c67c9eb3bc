package org.ebpfj.vm.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Cuts the uncompressed {@code vmlinux} out of a bzImage: QEMU boots it through its PVH note, which saves the
 * decompressor's seconds under TCG (3.4 s for xz). Finds the payload by its xz or zstd magic and decompresses
 * with the host's xz / zstd; gives up (the caller boots the bzImage) when no payload decompresses to an ELF.
 */
final class VmlinuxExtractor {
    private static final byte[] XZ = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
    private static final byte[] ZSTD = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};

    private VmlinuxExtractor() {
    }

    static Optional<Path> extract(Path bzImage, Path target) throws IOException {
        byte[] image = Files.readAllBytes(bzImage);
        for (int off = 0; off < image.length - 8; off++) {
            String tool = startsWith(image, off, XZ) ? "xz" : startsWith(image, off, ZSTD) ? "zstd" : null;
            if (tool == null || !Tools.onPath(tool)) {
                continue;
            }
            Path payload = target.resolveSibling("payload." + tool);
            try (OutputStream out = Files.newOutputStream(payload)) {
                out.write(image, off, image.length - off);
            }
            List<String> cmd = tool.equals("xz") ? List.of("xz", "-dc", "--single-stream", payload.toString())
                    : List.of("zstd", "-dcq", payload.toString());
            try {
                Tools.run(cmd, target, "");
            } catch (org.ebpfj.vm.VmException e) {
                // zstd complains about the bytes after the frame; the ELF check below decides.
            }
            Files.deleteIfExists(payload);
            if (isElf(target)) {
                return Optional.of(target);
            }
        }
        Files.deleteIfExists(target);
        return Optional.empty();
    }

    private static boolean isElf(Path p) throws IOException {
        if (!Files.exists(p) || Files.size(p) < 1 << 20) {
            return false;
        }
        try (var in = Files.newInputStream(p)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 0x7F && m[1] == 'E' && m[2] == 'L' && m[3] == 'F';
        }
    }

    private static boolean startsWith(byte[] a, int off, byte[] magic) {
        for (int i = 0; i < magic.length; i++) {
            if (a[off + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
