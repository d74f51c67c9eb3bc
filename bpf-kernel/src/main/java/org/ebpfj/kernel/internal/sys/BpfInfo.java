package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * {@code struct bpf_map_info} and the leading part of {@code struct bpf_prog_info}, as filled by
 * BPF_OBJ_GET_INFO_BY_FD. The kernel copies at most {@code info_len} bytes, so a prefix of a newer struct is fine.
 */
public final class BpfInfo {
    private BpfInfo() {
    }

    private static long offset(StructLayout layout, String field) {
        return layout.byteOffset(groupElement(field));
    }

    public static final class Map {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_INT.withName("type"),
                JAVA_INT.withName("id"),
                JAVA_INT.withName("key_size"),
                JAVA_INT.withName("value_size"),
                JAVA_INT.withName("max_entries"),
                JAVA_INT.withName("map_flags"),
                MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("name"),
                JAVA_INT.withName("ifindex"),
                JAVA_INT.withName("btf_vmlinux_value_type_id"),
                JAVA_LONG.withName("netns_dev"),
                JAVA_LONG.withName("netns_ino"),
                JAVA_INT.withName("btf_id"),
                JAVA_INT.withName("btf_key_type_id"),
                JAVA_INT.withName("btf_value_type_id"),
                MemoryLayout.paddingLayout(4),
                JAVA_LONG.withName("map_extra"));
        public static final int SIZE = (int) LAYOUT.byteSize();
        public static final long TYPE = offset(LAYOUT, "type");
        public static final long ID = offset(LAYOUT, "id");
        public static final long KEY_SIZE = offset(LAYOUT, "key_size");
        public static final long VALUE_SIZE = offset(LAYOUT, "value_size");
        public static final long MAX_ENTRIES = offset(LAYOUT, "max_entries");
        public static final long MAP_FLAGS = offset(LAYOUT, "map_flags");
        public static final long NAME = offset(LAYOUT, "name");
        public static final long BTF_ID = offset(LAYOUT, "btf_id");
        public static final long BTF_KEY_TYPE_ID = offset(LAYOUT, "btf_key_type_id");
        public static final long BTF_VALUE_TYPE_ID = offset(LAYOUT, "btf_value_type_id");
        public static final long MAP_EXTRA = offset(LAYOUT, "map_extra");

        private Map() {
        }
    }

    public static final class Prog {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_INT.withName("type"),
                JAVA_INT.withName("id"),
                MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("tag"),
                JAVA_INT.withName("jited_prog_len"),
                JAVA_INT.withName("xlated_prog_len"),
                JAVA_LONG.withName("jited_prog_insns"),
                JAVA_LONG.withName("xlated_prog_insns"),
                JAVA_LONG.withName("load_time"),
                JAVA_INT.withName("created_by_uid"),
                JAVA_INT.withName("nr_map_ids"),
                JAVA_LONG.withName("map_ids"),
                MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("name"),
                JAVA_INT.withName("ifindex"),
                JAVA_INT.withName("gpl_compatible"),
                JAVA_LONG.withName("netns_dev"),
                JAVA_LONG.withName("netns_ino"),
                JAVA_INT.withName("nr_jited_ksyms"),
                JAVA_INT.withName("nr_jited_func_lens"),
                JAVA_LONG.withName("jited_ksyms"),
                JAVA_LONG.withName("jited_func_lens"),
                JAVA_INT.withName("btf_id"));
        public static final int SIZE = (int) LAYOUT.byteSize();
        public static final long TYPE = offset(LAYOUT, "type");
        public static final long ID = offset(LAYOUT, "id");
        public static final long TAG = offset(LAYOUT, "tag");
        public static final long XLATED_PROG_LEN = offset(LAYOUT, "xlated_prog_len");
        public static final long JITED_PROG_LEN = offset(LAYOUT, "jited_prog_len");
        public static final long NR_MAP_IDS = offset(LAYOUT, "nr_map_ids");
        public static final long NAME = offset(LAYOUT, "name");
        public static final long BTF_ID = offset(LAYOUT, "btf_id");

        private Prog() {
        }
    }
}
