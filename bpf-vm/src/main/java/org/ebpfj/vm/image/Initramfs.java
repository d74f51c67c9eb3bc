package org.ebpfj.vm.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.ebpfj.vm.VmException;

/** Writes the guest's initramfs: a static busybox, the 9p modules in load order, and {@code /init}. */
final class Initramfs {
    static final List<Path> BUSYBOX = List.of(Path.of("/bin/busybox"), Path.of("/usr/bin/busybox"));

    private Initramfs() {
    }

    static void write(Path target, Map<String, Path> modules) throws VmException, IOException {
        Path busybox = staticBusybox();
        byte[] init;
        try (InputStream in = Initramfs.class.getResourceAsStream("init.sh")) {
            init = in.readAllBytes();
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target), 1 << 16)) {
            Cpio cpio = new Cpio(out);
            for (String d : List.of("bin", "dev", "proc", "sys", "host", "modules")) {
                cpio.directory(d);
            }
            cpio.charDevice("dev/console", 5, 1);
            cpio.file("bin/busybox", 0755, Files.readAllBytes(busybox));
            cpio.file("init", 0755, init);
            int i = 0;
            for (Map.Entry<String, Path> m : modules.entrySet()) {
                cpio.file(String.format("modules/%02d-%s.ko", i++, m.getKey()), 0644, Files.readAllBytes(m.getValue()));
            }
            cpio.finish();
        }
    }

    /** busybox linked statically: the guest has no libc of its own before the chroot. */
    static Path staticBusybox() throws VmException, IOException {
        for (Path p : BUSYBOX) {
            if (Files.isRegularFile(p) && !hasInterpreter(p)) {
                return p;
            }
        }
        throw new VmException("no static busybox on this machine (looked at " + BUSYBOX + "): install it, e.g. "
                + "apt-get install busybox-static (Debian/Ubuntu) or dnf install busybox (Fedora)");
    }

    /** An ELF with a PT_INTERP program header is dynamically linked. */
    static boolean hasInterpreter(Path elf) throws IOException {
        byte[] b = Files.readAllBytes(elf);
        if (b.length < 64 || b[0] != 0x7F || b[4] != 2) {
            return true;
        }
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long phoff = bb.getLong(0x20);
        int phentsize = Short.toUnsignedInt(bb.getShort(0x36));
        int phnum = Short.toUnsignedInt(bb.getShort(0x38));
        for (int i = 0; i < phnum; i++) {
            if (bb.getInt((int) (phoff + (long) i * phentsize)) == 3) {
                return true;
            }
        }
        return false;
    }
}
