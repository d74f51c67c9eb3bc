package org.ebpfj.kernel.internal.sys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The layouts against offsets printed with {@code offsetof} from the UAPI header (linux-libc-dev 6.1) and libbpf
 * 1.1.2's libbpf.h. A wrong offset would silently send garbage to the kernel.
 */
class FfiLayoutTest {
    @Test
    void bpfAttr() {
        assertThat(BpfAttr.MapCreate.MAP_NAME).isEqualTo(28);
        assertThat(BpfAttr.MapCreate.MAP_EXTRA).isEqualTo(64);
        assertThat(BpfAttr.MapCreate.SIZE).isEqualTo(72);
        assertThat(BpfAttr.Elem.KEY).isEqualTo(8);
        assertThat(BpfAttr.Elem.VALUE).isEqualTo(16);
        assertThat(BpfAttr.Elem.FLAGS).isEqualTo(24);
        assertThat(BpfAttr.Elem.SIZE).isEqualTo(32);
        assertThat(BpfAttr.Batch.COUNT).isEqualTo(32);
        assertThat(BpfAttr.Batch.MAP_FD).isEqualTo(36);
        assertThat(BpfAttr.Batch.FLAGS).isEqualTo(48);
        assertThat(BpfAttr.ProgLoad.PROG_FLAGS).isEqualTo(44);
        assertThat(BpfAttr.ProgLoad.EXPECTED_ATTACH_TYPE).isEqualTo(68);
        assertThat(BpfAttr.TestRun.CTX_OUT).isEqualTo(56);
        assertThat(BpfAttr.TestRun.CPU).isEqualTo(68);
        assertThat(BpfAttr.TestRun.BATCH_SIZE).isEqualTo(72);
        assertThat(BpfAttr.Info.INFO).isEqualTo(8);
        assertThat(BpfAttr.Obj.BPF_FD).isEqualTo(8);
    }

    @Test
    void infoStructs() {
        assertThat(BpfInfo.Map.NAME).isEqualTo(24);
        assertThat(BpfInfo.Map.BTF_ID).isEqualTo(64);
        assertThat(BpfInfo.Map.MAP_EXTRA).isEqualTo(80);
        assertThat(BpfInfo.Map.SIZE).isEqualTo(88);
        assertThat(BpfInfo.Prog.NAME).isEqualTo(64);
        assertThat(BpfInfo.Prog.BTF_ID).isEqualTo(128);
    }

    @Test
    void libbpfOpenOptions() {
        assertThat(OpenOpts.PIN_ROOT_PATH).isEqualTo(24);
        assertThat(OpenOpts.KCONFIG).isEqualTo(40);
        assertThat(OpenOpts.LAYOUT.byteSize()).isEqualTo(80);
    }
}
