package org.ebpfj.kernel.internal.sys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The layouts against offsets printed with {@code offsetof} from the UAPI header (linux-libc-dev 6.1) and libbpf
 * 1.1.2's libbpf.h. A wrong offset would silently send garbage to the kernel. One assertion per struct: the
 * offsets of the fields named in its description, in that order.
 */
class FfiLayoutTest {
    @Test
    void bpfAttr() {
        assertThat(new long[] {BpfAttr.MapCreate.MAP_NAME, BpfAttr.MapCreate.MAP_EXTRA, BpfAttr.MapCreate.SIZE})
                .as("map_create: map_name, map_extra, size").containsExactly(28, 64, 72);
        assertThat(new long[] {BpfAttr.Elem.KEY, BpfAttr.Elem.VALUE, BpfAttr.Elem.FLAGS, BpfAttr.Elem.SIZE})
                .as("elem: key, value, flags, size").containsExactly(8, 16, 24, 32);
        assertThat(new long[] {BpfAttr.Batch.COUNT, BpfAttr.Batch.MAP_FD, BpfAttr.Batch.FLAGS, BpfAttr.Batch.SIZE})
                .as("batch: count, map_fd, flags, size").containsExactly(32, 36, 48, 56);
        assertThat(new long[] {BpfAttr.ProgLoad.PROG_FLAGS, BpfAttr.ProgLoad.EXPECTED_ATTACH_TYPE,
            BpfAttr.ProgLoad.ATTACH_BTF_ID, BpfAttr.ProgLoad.SIZE})
                .as("prog_load: prog_flags, expected_attach_type, attach_btf_id, size")
                .containsExactly(44, 68, 108, 120);
        assertThat(new long[] {BpfAttr.TestRun.CTX_OUT, BpfAttr.TestRun.CPU, BpfAttr.TestRun.BATCH_SIZE,
            BpfAttr.TestRun.SIZE}).as("test: ctx_out, cpu, batch_size, size").containsExactly(56, 68, 72, 80);
        assertThat(new long[] {BpfAttr.GetId.NEXT_ID, BpfAttr.GetId.OPEN_FLAGS, BpfAttr.GetId.SIZE})
                .as("get_id: next_id, open_flags, size").containsExactly(4, 8, 12);
        assertThat(new long[] {BpfAttr.LinkCreate.TARGET, BpfAttr.LinkCreate.ATTACH_TYPE, BpfAttr.LinkCreate.SIZE})
                .as("link_create: target_ifindex, attach_type, size").containsExactly(4, 8, 48);
        assertThat(new long[] {BpfAttr.Info.INFO, BpfAttr.Info.SIZE}).as("info: info, size").containsExactly(8, 16);
        assertThat(new long[] {BpfAttr.Obj.BPF_FD, BpfAttr.Obj.SIZE}).as("obj: bpf_fd, size").containsExactly(8, 16);
    }

    @Test
    void infoStructs() {
        assertThat(new long[] {BpfInfo.Map.NAME, BpfInfo.Map.BTF_ID, BpfInfo.Map.MAP_EXTRA, BpfInfo.Map.SIZE})
                .as("bpf_map_info: name, btf_id, map_extra, size").containsExactly(24, 64, 80, 88);
        assertThat(new long[] {BpfInfo.Prog.NR_MAP_IDS, BpfInfo.Prog.NAME, BpfInfo.Prog.NETNS_DEV, BpfInfo.Prog.BTF_ID})
                .as("bpf_prog_info: nr_map_ids, name, netns_dev, btf_id").containsExactly(52, 64, 88, 128);
    }

    @Test
    void libbpfOpenOptions() {
        assertThat(new long[] {OpenOpts.PIN_ROOT_PATH, OpenOpts.KCONFIG, OpenOpts.LAYOUT.byteSize()})
                .as("bpf_object_open_opts: pin_root_path, kconfig, size").containsExactly(24, 40, 80);
    }
}
