package org.ebpfj.vm.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a {@code newc} cpio archive, the format the kernel unpacks as its initramfs. */
final class Cpio {
    private final OutputStream out;
    private long written;
    private int inode = 1;

    Cpio(OutputStream out) {
        this.out = out;
    }

    void directory(String name) throws IOException {
        entry(name, 040755, new byte[0], 0, 0);
    }

    void file(String name, int mode, byte[] data) throws IOException {
        entry(name, 0100000 | mode, data, 0, 0);
    }

    void charDevice(String name, int major, int minor) throws IOException {
        entry(name, 020600, new byte[0], major, minor);
    }

    void finish() throws IOException {
        entry("TRAILER!!!", 0, new byte[0], 0, 0);
        pad(512);
    }

    private void entry(String name, int mode, byte[] data, int rmajor, int rminor) throws IOException {
        byte[] n = (name + "\0").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.writeBytes("070701".getBytes(StandardCharsets.US_ASCII));
        long[] fields = {inode++, mode, 0, 0, 1, 0, data.length, 0, 0, rmajor, rminor, n.length, 0};
        for (long f : fields) {
            h.writeBytes(String.format("%08x", f).getBytes(StandardCharsets.US_ASCII));
        }
        write(h.toByteArray());
        write(n);
        pad(4);
        write(data);
        pad(4);
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        written += b.length;
    }

    private void pad(int to) throws IOException {
        while (written % to != 0) {
            out.write(0);
            written++;
        }
    }
}
