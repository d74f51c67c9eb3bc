package org.ebpfj.vm.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ebpfj.vm.VmException;
import org.ebpfj.vm.archive.DebianPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the unpacked packages put the kernel: {@code boot/vmlinuz-R} (≤ 6.12) or {@code usr/lib/modules/R/vmlinuz} (7.x). */
class SplitKernelLayoutTest {
    @TempDir
    Path tree;

    private static DebianPackage image(String release, List<DebianPackage> parts) {
        return new DebianPackage("linux-image-" + release, "7.3.4-1~bpo13+1", "trixie-backports", "http://x/y.deb",
                "00".repeat(32), 1900, parts);
    }

    @Test
    void theSplitLayoutsVmlinuzIsFoundInTheModulesFolder() throws Exception {
        Path vmlinuz = Files.createDirectories(tree.resolve("usr/lib/modules/7.3.4+deb13-amd64"))
                .resolve("vmlinuz");
        Files.writeString(vmlinuz, "kernel");

        assertThat(KernelCache.kernelImage(tree, image("7.3.4+deb13-amd64", List.of()))).isEqualTo(vmlinuz);
    }

    @Test
    void theSinglePackageLayoutStillWorks() throws Exception {
        Path vmlinuz = Files.createDirectories(tree.resolve("boot")).resolve("vmlinuz-6.1.0-57-amd64");
        Files.writeString(vmlinuz, "kernel");

        assertThat(KernelCache.kernelImage(tree, image("6.1.0-57-amd64", List.of()))).isEqualTo(vmlinuz);
    }

    @Test
    void aMetaPackageWithoutItsBinaryPartFailsNamingTheLayout() throws Exception {
        Files.createDirectories(tree.resolve("usr/share/doc"));

        assertThatThrownBy(() -> KernelCache.kernelImage(tree, image("7.2.12+deb13-amd64", List.of())))
                .isInstanceOf(VmException.class)
                .hasMessageContaining("no vmlinuz-7.2.12+deb13-amd64 and no usr/lib/modules/7.2.12+deb13-amd64/vmlinuz")
                .hasMessageContaining("linux-binary-* part the index does not list");
    }
}
