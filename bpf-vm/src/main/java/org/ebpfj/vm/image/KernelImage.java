package org.ebpfj.vm.image;

import java.nio.file.Path;

/**
 * A kernel ready to boot.
 *
 * @param id        what the user named ({@code 6.1}, {@code 6.1.192-3}, {@code local:...}); the report suffix
 * @param release   the kernel release ({@code 6.1.0-57-amd64})
 * @param version   the exact package version ({@code 6.1.192-3}) or {@code local}
 * @param kernel    the uncompressed vmlinux (PVH boot), or the bzImage when none could be cut out
 * @param initramfs busybox, the 9p modules and /init
 */
public record KernelImage(String id, String release, String version, Path kernel, Path initramfs) {

    /** The name used in report file names: {@code kernel-6.1}. */
    public String suffix() {
        return "kernel-" + id.replaceAll("[^A-Za-z0-9.+_-]", "_");
    }
}
