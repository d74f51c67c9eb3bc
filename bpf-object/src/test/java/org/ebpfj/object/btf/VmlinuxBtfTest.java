package org.ebpfj.object.btf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The running kernel's BTF is the largest real BTF at hand: every type must parse and resolve. */
class VmlinuxBtfTest {
    private static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");

    @Test
    void readsTheRunningKernelsBtf() throws Exception {
        assumeTrue(Files.isReadable(VMLINUX), "no kernel BTF at " + VMLINUX);
        Btf btf = BtfReader.read(Files.readAllBytes(VMLINUX));

        assertThat(btf.typeCount()).isGreaterThan(10_000);
        BtfType attr = btf.find(BtfKind.UNION, "bpf_attr").orElseThrow();
        assertThat(btf.sizeOf(attr.id()).getAsLong()).isEqualTo(168);
        BtfType htabElem = btf.find(BtfKind.STRUCT, "htab_elem").orElseThrow();
        assertThat(btf.sizeOf(htabElem.id()).getAsLong()).isEqualTo(48);
        BtfType u32 = btf.find(BtfKind.TYPEDEF, "u32").orElseThrow();
        assertThat(btf.resolve(u32.id())).isInstanceOf(BtfType.Int.class);
        assertThat(btf.alignOf(u32.id())).isEqualTo(4);
    }
}
