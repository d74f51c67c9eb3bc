package org.ebpfj.vm.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The 7.x layout of trixie-backports and sid: {@code linux-image-*} is a 2 KB meta package, the kernel is in
 * {@code linux-binary-*}, the modules in {@code linux-modules-*}, {@code modules.builtin} in {@code linux-base-*}.
 * The fixture is cut from the real trixie-backports index of 2026-12-07 (checksums replaced).
 */
class SplitKernelIndexTest {
    private static final String BASE = "http://deb.debian.org/debian";

    private static List<DebianPackage> fixture() throws Exception {
        try (InputStream in = SplitKernelIndexTest.class.getResourceAsStream("Packages-trixie-backports")) {
            return PackageIndex.kernels(in, "trixie-backports", BASE);
        }
    }

    @Test
    void aSplitImageCarriesItsBinaryModulesAndBaseParts() throws Exception {
        DebianPackage k = fixture().stream().filter(p -> p.version().equals("7.3.4-1~bpo13+1")).findFirst()
                .orElseThrow();

        assertThat(k.name()).isEqualTo("linux-image-7.3.4+deb13-amd64");
        assertThat(k.release()).isEqualTo("7.3.4+deb13-amd64");
        assertThat(k.series()).isEqualTo("7.3");
        assertThat(k.parts()).extracting(DebianPackage::name).containsExactly("linux-base-7.3.4+deb13-amd64",
                "linux-binary-7.3.4+deb13-amd64", "linux-modules-7.3.4+deb13-amd64");
        DebianPackage binary = k.parts().get(1);
        assertThat(binary.url()).isEqualTo(BASE + "/pool/main/l/linux-signed-amd64/"
                + "linux-binary-7.3.4+deb13-amd64_7.3.4-1~bpo13+1_amd64.deb");
        assertThat(binary.sha256()).isEqualTo("5".repeat(64));
        assertThat(binary.size()).isEqualTo(14138336L);
        assertThat(binary.release()).isEqualTo(k.release());
        assertThat(k.files()).hasSize(4).first().isSameAs(k);
        assertThat(k.totalSize()).isEqualTo(1900L + 1077476L + 14138336L + 106862204L);
    }

    @Test
    void theSignedBinaryIsChosenNotTheUnsignedTwinNorOtherFlavours() throws Exception {
        DebianPackage k = fixture().get(0);

        assertThat(k.parts()).extracting(DebianPackage::name).doesNotContain(
                "linux-binary-unsigned-7.3.4+deb13-amd64", "linux-modules-7.3.4+deb13-cloud-amd64");
        assertThat(fixture()).extracting(DebianPackage::name).doesNotContain("linux-image-7.3.4+deb13-amd64-dbg");
    }

    @Test
    void partsTheIndexDoesNotListAreLeftOutSoPreparationCanNameThem() throws Exception {
        DebianPackage older = fixture().stream().filter(p -> p.series().equals("7.2")).findFirst().orElseThrow();

        assertThat(older.name()).isEqualTo("linux-image-7.2.12+deb13-amd64");
        assertThat(older.parts()).isEmpty();
        assertThat(older.files()).containsExactly(older);
    }

    @Test
    void theNewestOfASeriesIsTheSplitOne() throws Exception {
        assertThat(fixture().stream().max((a, b) -> DebVersion.compare(a.version(), b.version())).orElseThrow()
                .parts()).hasSize(3);
        assertThat(DebianArchive.suitesFor("7.3")).extracting(DebianArchive.Suite::name)
                .containsExactly("trixie-backports", "sid");
    }
}
