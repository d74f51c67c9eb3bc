package org.ebpfj.vm.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ebpfj.vm.VmException;
import org.ebpfj.vm.image.KernelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the archive's indexes, ordering versions, and refusing what does not verify. */
class ArchiveTest {
    @TempDir
    Path dir;

    @Test
    void debianVersionsOrderAsDpkgOrdersThem() {
        assertThat(DebVersion.compare("6.1.192-3", "6.1.192-2")).isPositive();
        assertThat(DebVersion.compare("6.1.99-1", "6.1.192-1")).isNegative();
        assertThat(DebVersion.compare("6.12.117-1~deb12u1", "6.12.117-1")).isNegative();
        assertThat(DebVersion.compare("1:5.10.1-1", "6.1.1-1")).isPositive();
        assertThat(DebVersion.compare("5.10.262-1", "5.10.262-1")).isZero();
    }

    @Test
    void theIndexYieldsGenericKernelImagesOnly() throws Exception {
        String packages = String.join("\n",
                "Package: linux-image-6.1.0-57-amd64", "Version: 6.1.192-3",
                "Filename: pool/main/l/linux-signed-amd64/linux-image-6.1.0-57-amd64_6.1.192-3_amd64.deb",
                "Size: 70000000", "SHA256: " + "ab".repeat(32), "Description: Linux 6.1", " more text", "",
                "Package: linux-image-6.1.0-57-cloud-amd64", "Version: 6.1.192-3", "Filename: pool/x.deb",
                "Size: 1", "SHA256: " + "cd".repeat(32), "",
                "Package: linux-image-6.1.0-57-amd64-dbg", "Version: 6.1.192-3", "Filename: pool/y.deb",
                "Size: 1", "SHA256: " + "ef".repeat(32), "",
                "Package: linux-image-6.12.117+deb12-amd64", "Version: 6.12.117-1~deb12u1", "Filename: pool/z.deb",
                "Size: 2", "SHA256: " + "01".repeat(32), "");

        List<DebianPackage> kernels = PackageIndex.kernels(new ByteArrayInputStream(
                packages.getBytes(StandardCharsets.UTF_8)), "bookworm", "http://deb.debian.org/debian");

        assertThat(kernels).extracting(DebianPackage::name)
                .containsExactly("linux-image-6.1.0-57-amd64", "linux-image-6.12.117+deb12-amd64");
        assertThat(kernels.get(0).url()).isEqualTo("http://deb.debian.org/debian/pool/main/l/linux-signed-amd64/"
                + "linux-image-6.1.0-57-amd64_6.1.192-3_amd64.deb");
        assertThat(kernels.get(0).release()).isEqualTo("6.1.0-57-amd64");
        assertThat(kernels.get(1).series()).isEqualTo("6.12");
    }

    @Test
    void aChecksumMismatchDeletesTheDownloadAndSaysSo() throws Exception {
        Path deb = Files.writeString(dir.resolve("k.deb"), "not the kernel the index signed");

        assertThatThrownBy(() -> Http.verify(deb, "00".repeat(32), 31, "linux-image-6.1.0-57-amd64 6.1.192-3"))
                .isInstanceOf(VmException.class)
                .hasMessageContaining("checksum mismatch for linux-image-6.1.0-57-amd64 6.1.192-3")
                .hasMessageContaining("the download was deleted");
        assertThat(deb).doesNotExist();
    }

    @Test
    void kernelNamesAreSeriesExactVersionsOrLocalImages() {
        assertThat(KernelSpec.parseList("5.10, 6.1.192-3,local:/boot/vmlinuz-6.8.0-40-generic"))
                .extracting(KernelSpec::kind).containsExactly(KernelSpec.Kind.SERIES, KernelSpec.Kind.EXACT,
                        KernelSpec.Kind.LOCAL);
        assertThatThrownBy(() -> KernelSpec.parse("latest")).hasMessageContaining("'latest' names no kernel");
        assertThatThrownBy(() -> KernelSpec.parseList(" ")).hasMessageContaining("no kernel named");
    }
}
