package org.ebpfj.vm.archive;

/**
 * A kernel package as the signed archive index lists it.
 *
 * @param name     {@code linux-image-6.1.0-57-amd64}
 * @param version  the Debian version, {@code 6.1.192-3}
 * @param suite    where it was found, {@code bookworm-security}
 * @param url      the full download address
 * @param sha256   the checksum the index gives
 * @param size     the size the index gives
 */
public record DebianPackage(String name, String version, String suite, String url, String sha256, long size) {

    /** {@code 6.1.0-57-amd64}: the kernel release (uname -r) the package installs. */
    public String release() {
        return name.startsWith("linux-image-") ? name.substring("linux-image-".length()) : name;
    }

    /** MAJOR.MINOR of the upstream version. */
    public String series() {
        String[] parts = version.replaceFirst("^\\d+:", "").split("[.\\-+~]");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : version;
    }
}
