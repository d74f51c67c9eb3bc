package org.ebpfj.kernel.internal.sys;

/**
 * The parts of {@code union bpf_attr} (include/uapi/linux/bpf.h) this library fills in, one struct per command
 * group, each field declared once in the header's order ({@link CStruct} computes the offsets). Each command is
 * issued with exactly its struct's size: the kernel zero-extends a short attr and rejects non-zero bytes after a
 * command's last field. {@code FfiLayoutTest} checks the offsets against the UAPI header's {@code offsetof}.
 */
public final class BpfAttr {
    /** Enough for every command used here (the kernel's union is 144 bytes in UAPI 6.1, 168 in 6.18). */
    public static final long MAX_SIZE = 168;

    private BpfAttr() {
    }

    /** BPF_MAP_CREATE. */
    public static final class MapCreate {
        public static final int NAME_CAPACITY = 16;
        private static final CStruct S = new CStruct();
        public static final long MAP_TYPE = S.u32();
        public static final long KEY_SIZE = S.u32();
        public static final long VALUE_SIZE = S.u32();
        public static final long MAX_ENTRIES = S.u32();
        public static final long MAP_FLAGS = S.u32();
        public static final long INNER_MAP_FD = S.u32();
        public static final long NUMA_NODE = S.u32();
        public static final long MAP_NAME = S.bytes(NAME_CAPACITY);
        public static final long MAP_IFINDEX = S.u32();
        public static final long BTF_FD = S.u32();
        public static final long BTF_KEY_TYPE_ID = S.u32();
        public static final long BTF_VALUE_TYPE_ID = S.u32();
        public static final long BTF_VMLINUX_VALUE_TYPE_ID = S.u32();
        public static final long MAP_EXTRA = S.u64();
        public static final int SIZE = S.size();

        private MapCreate() {
        }
    }

    /** BPF_MAP_LOOKUP_ELEM, UPDATE_ELEM, DELETE_ELEM, GET_NEXT_KEY, LOOKUP_AND_DELETE_ELEM. */
    public static final class Elem {
        private static final CStruct S = new CStruct();
        public static final long MAP_FD = S.u32();
        /** The 4 bytes before the 8-aligned key, written as 0 (the per-call attr is reused without zeroing). */
        public static final long PAD = S.u32();
        public static final long KEY = S.u64();
        /** {@code value}, or {@code next_key} for GET_NEXT_KEY. */
        public static final long VALUE = S.u64();
        public static final long NEXT_KEY = VALUE;
        public static final long FLAGS = S.u64();
        public static final int SIZE = S.size();

        private Elem() {
        }
    }

    /** BPF_MAP_*_BATCH. */
    public static final class Batch {
        private static final CStruct S = new CStruct();
        public static final long IN_BATCH = S.u64();
        public static final long OUT_BATCH = S.u64();
        public static final long KEYS = S.u64();
        public static final long VALUES = S.u64();
        public static final long COUNT = S.u32();
        public static final long MAP_FD = S.u32();
        public static final long ELEM_FLAGS = S.u64();
        public static final long FLAGS = S.u64();
        public static final int SIZE = S.size();

        private Batch() {
        }
    }

    /** BPF_PROG_LOAD, up to core_relo_cnt: enough for the feature and limit probes (fentry needs attach_btf_id). */
    public static final class ProgLoad {
        private static final CStruct S = new CStruct();
        public static final long PROG_TYPE = S.u32();
        public static final long INSN_CNT = S.u32();
        public static final long INSNS = S.u64();
        public static final long LICENSE = S.u64();
        public static final long LOG_LEVEL = S.u32();
        public static final long LOG_SIZE = S.u32();
        public static final long LOG_BUF = S.u64();
        public static final long KERN_VERSION = S.u32();
        public static final long PROG_FLAGS = S.u32();
        public static final long PROG_NAME = S.bytes(16);
        public static final long PROG_IFINDEX = S.u32();
        public static final long EXPECTED_ATTACH_TYPE = S.u32();
        public static final long PROG_BTF_FD = S.u32();
        public static final long FUNC_INFO_REC_SIZE = S.u32();
        public static final long FUNC_INFO = S.u64();
        public static final long FUNC_INFO_CNT = S.u32();
        public static final long LINE_INFO_REC_SIZE = S.u32();
        public static final long LINE_INFO = S.u64();
        public static final long LINE_INFO_CNT = S.u32();
        public static final long ATTACH_BTF_ID = S.u32();
        public static final long ATTACH_PROG_FD = S.u32();
        public static final long CORE_RELO_CNT = S.u32();
        public static final int SIZE = S.size();

        private ProgLoad() {
        }
    }

    /** BPF_PROG_TEST_RUN. */
    public static final class TestRun {
        private static final CStruct S = new CStruct();
        public static final long PROG_FD = S.u32();
        public static final long RETVAL = S.u32();
        public static final long DATA_SIZE_IN = S.u32();
        public static final long DATA_SIZE_OUT = S.u32();
        public static final long DATA_IN = S.u64();
        public static final long DATA_OUT = S.u64();
        public static final long REPEAT = S.u32();
        public static final long DURATION = S.u32();
        public static final long CTX_SIZE_IN = S.u32();
        public static final long CTX_SIZE_OUT = S.u32();
        public static final long CTX_IN = S.u64();
        public static final long CTX_OUT = S.u64();
        public static final long FLAGS = S.u32();
        public static final long CPU = S.u32();
        public static final long BATCH_SIZE = S.u32();
        public static final int SIZE = S.size();

        private TestRun() {
        }
    }

    /** BPF_*_GET_NEXT_ID and BPF_*_GET_FD_BY_ID (start_id / map_id / prog_id share offset 0). */
    public static final class GetId {
        private static final CStruct S = new CStruct();
        public static final long START_ID = S.u32();
        public static final long ID = START_ID;
        public static final long NEXT_ID = S.u32();
        public static final long OPEN_FLAGS = S.u32();
        public static final int SIZE = S.size();

        private GetId() {
        }
    }

    /** BPF_OBJ_GET_INFO_BY_FD. */
    public static final class Info {
        private static final CStruct S = new CStruct();
        public static final long BPF_FD = S.u32();
        public static final long INFO_LEN = S.u32();
        public static final long INFO = S.u64();
        public static final int SIZE = S.size();

        private Info() {
        }
    }

    /** BPF_LINK_CREATE: the common head, then room for the largest per-kind part this library leaves zero. */
    public static final class LinkCreate {
        private static final CStruct S = new CStruct();
        public static final long PROG_FD = S.u32();
        /** {@code target_fd} or {@code target_ifindex}. */
        public static final long TARGET = S.u32();
        public static final long ATTACH_TYPE = S.u32();
        public static final long FLAGS = S.u32();
        public static final long PER_KIND = S.bytes(32);
        public static final int SIZE = S.size();

        private LinkCreate() {
        }
    }

    /** BPF_OBJ_PIN and BPF_OBJ_GET. */
    public static final class Obj {
        private static final CStruct S = new CStruct();
        public static final long PATHNAME = S.u64();
        public static final long BPF_FD = S.u32();
        public static final long FILE_FLAGS = S.u32();
        public static final int SIZE = S.size();

        private Obj() {
        }
    }
}
