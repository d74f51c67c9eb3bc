package org.ebpfj.kernel.internal.sys;

/** The {@code enum bpf_cmd} values this library issues (include/uapi/linux/bpf.h). */
public final class BpfCommand {
    public static final int MAP_CREATE = 0;
    public static final int MAP_LOOKUP_ELEM = 1;
    public static final int MAP_UPDATE_ELEM = 2;
    public static final int MAP_DELETE_ELEM = 3;
    public static final int MAP_GET_NEXT_KEY = 4;
    public static final int PROG_LOAD = 5;
    public static final int OBJ_PIN = 6;
    public static final int OBJ_GET = 7;
    public static final int PROG_TEST_RUN = 10;
    public static final int PROG_GET_NEXT_ID = 11;
    public static final int MAP_GET_NEXT_ID = 12;
    public static final int PROG_GET_FD_BY_ID = 13;
    public static final int MAP_GET_FD_BY_ID = 14;
    public static final int OBJ_GET_INFO_BY_FD = 15;
    public static final int MAP_LOOKUP_AND_DELETE_ELEM = 21;
    public static final int BTF_GET_NEXT_ID = 23;
    public static final int MAP_LOOKUP_BATCH = 24;
    public static final int MAP_LOOKUP_AND_DELETE_BATCH = 25;
    public static final int MAP_UPDATE_BATCH = 26;
    public static final int MAP_DELETE_BATCH = 27;
    public static final int LINK_GET_NEXT_ID = 31;

    private BpfCommand() {
    }

    public static String name(int cmd) {
        return switch (cmd) {
            case MAP_CREATE -> "BPF_MAP_CREATE";
            case MAP_LOOKUP_ELEM -> "BPF_MAP_LOOKUP_ELEM";
            case MAP_UPDATE_ELEM -> "BPF_MAP_UPDATE_ELEM";
            case MAP_DELETE_ELEM -> "BPF_MAP_DELETE_ELEM";
            case MAP_GET_NEXT_KEY -> "BPF_MAP_GET_NEXT_KEY";
            case PROG_LOAD -> "BPF_PROG_LOAD";
            case OBJ_PIN -> "BPF_OBJ_PIN";
            case OBJ_GET -> "BPF_OBJ_GET";
            case PROG_TEST_RUN -> "BPF_PROG_TEST_RUN";
            case PROG_GET_NEXT_ID -> "BPF_PROG_GET_NEXT_ID";
            case MAP_GET_NEXT_ID -> "BPF_MAP_GET_NEXT_ID";
            case PROG_GET_FD_BY_ID -> "BPF_PROG_GET_FD_BY_ID";
            case MAP_GET_FD_BY_ID -> "BPF_MAP_GET_FD_BY_ID";
            case OBJ_GET_INFO_BY_FD -> "BPF_OBJ_GET_INFO_BY_FD";
            case MAP_LOOKUP_AND_DELETE_ELEM -> "BPF_MAP_LOOKUP_AND_DELETE_ELEM";
            case BTF_GET_NEXT_ID -> "BPF_BTF_GET_NEXT_ID";
            case MAP_LOOKUP_BATCH -> "BPF_MAP_LOOKUP_BATCH";
            case MAP_LOOKUP_AND_DELETE_BATCH -> "BPF_MAP_LOOKUP_AND_DELETE_BATCH";
            case MAP_UPDATE_BATCH -> "BPF_MAP_UPDATE_BATCH";
            case MAP_DELETE_BATCH -> "BPF_MAP_DELETE_BATCH";
            case LINK_GET_NEXT_ID -> "BPF_LINK_GET_NEXT_ID";
            default -> "bpf cmd " + cmd;
        };
    }
}
