package org.ebpfj.kernel.internal.sys;

/** The {@code enum bpf_cmd} values this library issues (include/uapi/linux/bpf.h): the one list of them. */
public enum BpfCommand {
    MAP_CREATE(0),
    MAP_LOOKUP_ELEM(1),
    MAP_UPDATE_ELEM(2),
    MAP_DELETE_ELEM(3),
    MAP_GET_NEXT_KEY(4),
    PROG_LOAD(5),
    OBJ_PIN(6),
    OBJ_GET(7),
    PROG_TEST_RUN(10),
    PROG_GET_NEXT_ID(11),
    MAP_GET_NEXT_ID(12),
    PROG_GET_FD_BY_ID(13),
    MAP_GET_FD_BY_ID(14),
    OBJ_GET_INFO_BY_FD(15),
    MAP_LOOKUP_AND_DELETE_ELEM(21),
    BTF_GET_NEXT_ID(23),
    MAP_LOOKUP_BATCH(24),
    MAP_LOOKUP_AND_DELETE_BATCH(25),
    MAP_UPDATE_BATCH(26),
    MAP_DELETE_BATCH(27),
    LINK_CREATE(28),
    LINK_GET_NEXT_ID(31);

    /** The value bpf(2) takes as {@code cmd}. */
    public final int code;

    BpfCommand(int code) {
        this.code = code;
    }

    /** The name as the UAPI header and the kernel's documentation spell it, e.g. {@code BPF_MAP_CREATE}. */
    public String uapiName() {
        return "BPF_" + name();
    }
}
