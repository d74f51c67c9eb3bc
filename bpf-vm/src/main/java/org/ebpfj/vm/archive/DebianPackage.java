package org.ebpfj.vm.archive;

import java.util.List;
import java.util.stream.Stream;

/**
 * A kernel package as the signed archive index lists it. Up to 6.12 Debian ships a kernel as one
 * {@code linux-image-*} package; from 7.x (trixie-backports, sid) that package is a small meta package whose
 * {@code Depends} name the packages holding the kernel: {@code linux-binary-*} (the vmlinuz),
 * {@code linux-modules-*} (the module tree) and {@code linux-base-*} ({@code modules.builtin}, config): the
 * {@code parts}, each verified the same way.
 *
 * @param name     {@code linux-image-6.1.0-57-amd64}
 * @param version  the Debian version, {@code 6.1.192-3}
 * @param suite    where it was found, {@code bookworm-security}
 * @param url      the full download address
 * @param sha256   the checksum the index gives
 * @param size     the size the index gives
 * @param parts    the packages a split kernel's image depends on (empty for a single-package kernel)
 */
public record DebianPackage(String name, String version, String suite, String url, String sha256, long size,
        List<DebianPackage> parts) {

    public DebianPackage {
        parts = List.copyOf(parts);
    }

    public DebianPackage(String name, String version, String suite, String url, String sha256, long size) {
        this(name, version, suite, url, sha256, size, List.of());
    }

    /** {@code 6.1.0-57-amd64}: the kernel release (uname -r) the package installs. */
    public String release() {
        return name.replaceFirst("^linux-(image|binary|modules|base)-(unsigned-)?", "");
    }

    /** MAJOR.MINOR of the upstream version. */
    public String series() {
        String[] parts = version.replaceFirst("^\\d+:", "").split("[.\\-+~]");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : version;
    }

    /** This package and its parts: everything to download and unpack for the kernel. */
    public List<DebianPackage> files() {
        return Stream.concat(Stream.of(this), parts.stream()).toList();
    }

    /** The bytes to download: this package and its parts. */
    public long totalSize() {
        return files().stream().mapToLong(DebianPackage::size).sum();
    }
}
