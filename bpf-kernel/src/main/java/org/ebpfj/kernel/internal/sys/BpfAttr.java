package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * The parts of {@code union bpf_attr} (include/uapi/linux/bpf.h) this library fills in, one struct layout per
 * command group, with byte offsets derived from the layouts. Each command is issued with exactly its struct's size:
 * the kernel zero-extends a short attr and rejects non-zero bytes after a command's last field.
 * Offsets were checked against the UAPI header with {@code offsetof}.
 */
public final class BpfAttr {
    /** Enough for every command used here (the kernel's union is 144 bytes in UAPI 6.1, 168 in 6.18). */
    public static final long MAX_SIZE = 168;

    private BpfAttr() {
    }

    private static long offset(StructLayout layout, String field) {
        return layout.byteOffset(groupElement(field));
    }

    /** BPF_MAP_CREATE. */
    public static final class MapCreate {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_INT.withName("map_type"),
                JAVA_INT.withName("key_size"),
                JAVA_INT.withName("value_size"),
                JAVA_INT.withName("max_entries"),
                JAVA_INT.withName("map_flags"),
                JAVA_INT.withName("inner_map_fd"),
                JAVA_INT.withName("numa_node"),
                MemoryLayout.sequenceLayout(16, java.lang.foreign.ValueLayout.JAVA_BYTE).withName("map_name"),
                JAVA_INT.withName("map_ifindex"),
                JAVA_INT.withName("btf_fd"),
                JAVA_INT.withName("btf_key_type_id"),
                JAVA_INT.withName("btf_value_type_id"),
                JAVA_INT.withName("btf_vmlinux_value_type_id"),
                JAVA_LONG.withName("map_extra"));
        public static final int SIZE = (int) LAYOUT.byteSize();
        public static final long MAP_TYPE = offset(LAYOUT, "map_type");
        public static final long KEY_SIZE = offset(LAYOUT, "key_size");
        public static final long VALUE_SIZE = offset(LAYOUT, "value_size");
        public static final long MAX_ENTRIES = offset(LAYOUT, "max_entries");
        public static final long MAP_FLAGS = offset(LAYOUT, "map_flags");
        public static final long INNER_MAP_FD = offset(LAYOUT, "inner_map_fd");
        public static final long NUMA_NODE = offset(LAYOUT, "numa_node");
        public static final long MAP_NAME = offset(LAYOUT, "map_name");
        public static final long MAP_EXTRA = offset(LAYOUT, "map_extra");
        public static final int NAME_CAPACITY = 16;

        private MapCreate() {
        }
    }

    /** BPF_MAP_LOOKUP_ELEM, UPDATE_ELEM, DELETE_ELEM, GET_NEXT_KEY, LOOKUP_AND_DELETE_ELEM. */
    public static final class Elem {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_INT.withName("map_fd"),
                MemoryLayout.paddingLayout(4),
                JAVA_LONG.withName("key"),
                JAVA_LONG.withName("value"), // also next_key
                JAVA_LONG.withName("flags"));
        public static final int SIZE = (int) LAYOUT.byteSize();
        public static final long MAP_FD = offset(LAYOUT, "map_fd");
        public static final long PAD = 4;
        public static final long KEY = offset(LAYOUT, "key");
        public static final long VALUE = offset(LAYOUT, "value");
        public static final long NEXT_KEY = VALUE;
        public static final long FLAGS = offset(LAYOUT, "flags");

        private Elem() {
        }
    }

    /** BPF_MAP_*_BATCH. */
    public static final class Batch {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_LONG.withName("in_batch"),
                JAVA_LONG.withName("out_batch"),
                JAVA_LONG.withName("keys"),
                JAVA_LONG.withName("values"),
                JAVA_INT.withName("count"),
                JAVA_INT.withName("map_fd"),
                JAVA_LONG.withName("elem_flags"),
                JAVA_LONG.withName("flags"));
        public static final int SIZE = (int) LAYOUT.byteSize();
        public static final long IN_BATCH = offset(LAYOUT, "in_batch");
        public static final long OUT_BATCH = offset(LAYOUT, "out_batch");
        public static final long KEYS = offset(LAYOUT, "keys");
        public static final long VALUES = offset(LAYOUT, "values");
        public static final long COUNT = offset(LAYOUT, "count");
        public static final long MAP_FD = offset(LAYOUT, "map_fd");
        public static final long ELEM_FLAGS = offset(LAYOUT, "elem_flags");
        public static final long FLAGS = offset(LAYOUT, "flags");

        private Batch() {
        }
    }

    /** BPF_PROG_LOAD, up to core_relo_cnt: enough for the feature and limit probes (fentry needs attach_btf_id). */
    public static final class ProgLoad {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_INT.withName("prog_type"),
                JAVA_INT.withName("insn_cnt"),
                JAVA_LONG.withName("insns"),
                JAVA_LONG.withName("license"),
                JAVA_INT.withName("log_level"),
                JAVA_INT.withName("log_size"),
                JAVA_LONG.withName("log_buf"),
                JAVA_INT.withName("kern_version"),
                JAVA_INT.withName("prog_flags"),
                MemoryLayout.sequenceLayout(16, java.lang.foreign.ValueLayout.JAVA_BYTE).withName("prog_name"),
                JAVA_INT.withName("prog_ifindex"),
                JAVA_INT.withName("expected_attach_type"),
                JAVA_INT.withName("prog_btf_fd"),
                JAVA_INT.withName("func_info_rec_size"),
                JAVA_LONG.withName("func_info"),
                JAVA_INT.withName("func_info_cnt"),
                JAVA_INT.withName("line_info_rec_size"),
                JAVA_LONG.withName("line_info"),
                JAVA_INT.withName("line_info_cnt"),
                JAVA_INT.withName("attach_btf_id"),
                JAVA_INT.withName("attach_prog_fd"),
                JAVA_INT.withName("core_relo_cnt"));
        public static final int SIZE = (int) LAYOUT.byteSize();
        public static final long PROG_TYPE = offset(LAYOUT, "prog_type");
        public static final long INSN_CNT = offset(LAYOUT, "insn_cnt");
        public static final long INSNS = offset(LAYOUT, "insns");
        public static final long LICENSE = offset(LAYOUT, "license");
        public static final long LOG_LEVEL = offset(LAYOUT, "log_level");
        public static final long LOG_SIZE = offset(LAYOUT, "log_size");
        public static final long LOG_BUF = offset(LAYOUT, "log_buf");
        public static final long PROG_FLAGS = offset(LAYOUT, "prog_flags");
        public static final long EXPECTED_ATTACH_TYPE = offset(LAYOUT, "expected_attach_type");
        public static final long ATTACH_BTF_ID = offset(LAYOUT, "attach_btf_id");

        private ProgLoad() {
        }
    }

    /** BPF_PROG_TEST_RUN. */
    public static final class TestRun {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_INT.withName("prog_fd"),
                JAVA_INT.withName("retval"),
                JAVA_INT.withName("data_size_in"),
                JAVA_INT.withName("data_size_out"),
                JAVA_LONG.withName("data_in"),
                JAVA_LONG.withName("data_out"),
                JAVA_INT.withName("repeat"),
                JAVA_INT.withName("duration"),
                JAVA_INT.withName("ctx_size_in"),
                JAVA_INT.withName("ctx_size_out"),
                JAVA_LONG.withName("ctx_in"),
                JAVA_LONG.withName("ctx_out"),
                JAVA_INT.withName("flags"),
                JAVA_INT.withName("cpu"),
                JAVA_INT.withName("batch_size"),
                MemoryLayout.paddingLayout(4));
        public static final int SIZE = (int) LAYOUT.byteSize();
        public static final long PROG_FD = offset(LAYOUT, "prog_fd");
        public static final long RETVAL = offset(LAYOUT, "retval");
        public static final long DATA_SIZE_IN = offset(LAYOUT, "data_size_in");
        public static final long DATA_SIZE_OUT = offset(LAYOUT, "data_size_out");
        public static final long DATA_IN = offset(LAYOUT, "data_in");
        public static final long DATA_OUT = offset(LAYOUT, "data_out");
        public static final long REPEAT = offset(LAYOUT, "repeat");
        public static final long DURATION = offset(LAYOUT, "duration");
        public static final long CTX_SIZE_IN = offset(LAYOUT, "ctx_size_in");
        public static final long CTX_SIZE_OUT = offset(LAYOUT, "ctx_size_out");
        public static final long CTX_IN = offset(LAYOUT, "ctx_in");
        public static final long CTX_OUT = offset(LAYOUT, "ctx_out");
        public static final long FLAGS = offset(LAYOUT, "flags");
        public static final long CPU = offset(LAYOUT, "cpu");
        public static final long BATCH_SIZE = offset(LAYOUT, "batch_size");

        private TestRun() {
        }
    }

    /** BPF_*_GET_NEXT_ID and BPF_*_GET_FD_BY_ID (start_id / map_id / prog_id share offset 0). */
    public static final class GetId {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_INT.withName("start_id"),
                JAVA_INT.withName("next_id"),
                JAVA_INT.withName("open_flags"));
        public static final int SIZE = (int) LAYOUT.byteSize();
        public static final long START_ID = offset(LAYOUT, "start_id");
        public static final long ID = START_ID;
        public static final long NEXT_ID = offset(LAYOUT, "next_id");
        public static final long OPEN_FLAGS = offset(LAYOUT, "open_flags");

        private GetId() {
        }
    }

    /** BPF_OBJ_GET_INFO_BY_FD. */
    public static final class Info {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_INT.withName("bpf_fd"),
                JAVA_INT.withName("info_len"),
                JAVA_LONG.withName("info"));
        public static final int SIZE = (int) LAYOUT.byteSize();
        public static final long BPF_FD = offset(LAYOUT, "bpf_fd");
        public static final long INFO_LEN = offset(LAYOUT, "info_len");
        public static final long INFO = offset(LAYOUT, "info");

        private Info() {
        }
    }

    /** BPF_LINK_CREATE: the common head, then room for the largest per-kind part this library leaves zero. */
    public static final class LinkCreate {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_INT.withName("prog_fd"),
                JAVA_INT.withName("target"), // target_fd or target_ifindex
                JAVA_INT.withName("attach_type"),
                JAVA_INT.withName("flags"),
                MemoryLayout.paddingLayout(32));
        public static final int SIZE = (int) LAYOUT.byteSize();
        public static final long PROG_FD = offset(LAYOUT, "prog_fd");
        public static final long TARGET = offset(LAYOUT, "target");
        public static final long ATTACH_TYPE = offset(LAYOUT, "attach_type");

        private LinkCreate() {
        }
    }

    /** BPF_OBJ_PIN and BPF_OBJ_GET. */
    public static final class Obj {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_LONG.withName("pathname"),
                JAVA_INT.withName("bpf_fd"),
                JAVA_INT.withName("file_flags"));
        public static final int SIZE = (int) LAYOUT.byteSize();
        public static final long PATHNAME = offset(LAYOUT, "pathname");
        public static final long BPF_FD = offset(LAYOUT, "bpf_fd");
        public static final long FILE_FLAGS = offset(LAYOUT, "file_flags");

        private Obj() {
        }
    }
}
