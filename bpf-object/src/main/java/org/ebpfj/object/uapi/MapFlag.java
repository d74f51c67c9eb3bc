package org.ebpfj.object.uapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code map_flags} bits of BPF_MAP_CREATE, as defined by the kernel UAPI (Linux 6.18). */
public enum MapFlag {
    NO_PREALLOC(0),
    NO_COMMON_LRU(1),
    NUMA_NODE(2),
    RDONLY(3),
    WRONLY(4),
    STACK_BUILD_ID(5),
    ZERO_SEED(6),
    RDONLY_PROG(7),
    WRONLY_PROG(8),
    CLONE(9),
    MMAPABLE(10),
    PRESERVE_ELEMS(11),
    INNER_MAP(12),
    LINK(13),
    PATH_FD(14),
    VTYPE_BTF_OBJ_FD(15),
    TOKEN_FD(16),
    SEGV_ON_FAULT(17),
    NO_USER_CONV(18);

    private final int bit;

    MapFlag(int bit) {
        this.bit = bit;
    }

    public long mask() {
        return 1L << bit;
    }

    public boolean isSetIn(long flags) {
        return (flags & mask()) != 0;
    }

    /** The kernel's constant name, e.g. {@code BPF_F_NO_PREALLOC}. */
    public String kernelName() {
        return "BPF_F_" + name();
    }

    public static long maskOf(MapFlag... flags) {
        long m = 0;
        for (MapFlag f : flags) {
            m |= f.mask();
        }
        return m;
    }

    /** Accepts {@code NO_PREALLOC}, {@code no_prealloc} and {@code BPF_F_NO_PREALLOC}. */
    public static Optional<MapFlag> byName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("BPF_F_")) {
            n = n.substring("BPF_F_".length());
        }
        for (MapFlag f : values()) {
            if (f.name().equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Renders flags as {@code NO_PREALLOC|NUMA_NODE}, unknown bits as hex, and 0 as {@code 0}. */
    public static String describe(long flags) {
        if (flags == 0) {
            return "0";
        }
        List<String> parts = new ArrayList<>();
        long rest = flags;
        for (MapFlag f : values()) {
            if (f.isSetIn(flags)) {
                parts.add(f.name());
                rest &= ~f.mask();
            }
        }
        if (rest != 0) {
            parts.add("0x" + Long.toHexString(rest));
        }
        return String.join("|", parts);
    }
}
