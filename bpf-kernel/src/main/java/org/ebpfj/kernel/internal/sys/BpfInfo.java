package org.ebpfj.kernel.internal.sys;

/**
 * {@code struct bpf_map_info} and the leading part of {@code struct bpf_prog_info}, as filled by
 * BPF_OBJ_GET_INFO_BY_FD, each field declared once ({@link CStruct}). The kernel copies at most {@code info_len}
 * bytes, so a prefix of a newer struct is fine.
 */
public final class BpfInfo {
    private BpfInfo() {
    }

    public static final class Map {
        private static final CStruct S = new CStruct();
        public static final long TYPE = S.u32();
        public static final long ID = S.u32();
        public static final long KEY_SIZE = S.u32();
        public static final long VALUE_SIZE = S.u32();
        public static final long MAX_ENTRIES = S.u32();
        public static final long MAP_FLAGS = S.u32();
        public static final long NAME = S.bytes(16);
        public static final long IFINDEX = S.u32();
        public static final long BTF_VMLINUX_VALUE_TYPE_ID = S.u32();
        public static final long NETNS_DEV = S.u64();
        public static final long NETNS_INO = S.u64();
        public static final long BTF_ID = S.u32();
        public static final long BTF_KEY_TYPE_ID = S.u32();
        public static final long BTF_VALUE_TYPE_ID = S.u32();
        public static final long MAP_EXTRA = S.u64();
        public static final int SIZE = S.size();

        private Map() {
        }
    }

    public static final class Prog {
        private static final CStruct S = new CStruct();
        public static final long TYPE = S.u32();
        public static final long ID = S.u32();
        public static final long TAG = S.bytes(8);
        public static final long JITED_PROG_LEN = S.u32();
        public static final long XLATED_PROG_LEN = S.u32();
        public static final long JITED_PROG_INSNS = S.u64();
        public static final long XLATED_PROG_INSNS = S.u64();
        public static final long LOAD_TIME = S.u64();
        public static final long CREATED_BY_UID = S.u32();
        public static final long NR_MAP_IDS = S.u32();
        public static final long MAP_IDS = S.u64();
        public static final long NAME = S.bytes(16);
        public static final long IFINDEX = S.u32();
        /** A 1-bit field in its own {@code __u32}. */
        public static final long GPL_COMPATIBLE = S.u32();
        public static final long NETNS_DEV = S.u64();
        public static final long NETNS_INO = S.u64();
        public static final long NR_JITED_KSYMS = S.u32();
        public static final long NR_JITED_FUNC_LENS = S.u32();
        public static final long JITED_KSYMS = S.u64();
        public static final long JITED_FUNC_LENS = S.u64();
        public static final long BTF_ID = S.u32();
        public static final int SIZE = S.size();

        private Prog() {
        }
    }
}
