package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.util.Optional;

/**
 * {@code struct bpf_object_open_opts} as of libbpf 1.1 (80 bytes; later versions append fields), and
 * {@code bpf_object__open_mem} with it.
 */
public final class OpenOpts {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            JAVA_LONG.withName("sz"),
            ADDRESS.withName("object_name"),
            JAVA_BOOLEAN.withName("relaxed_maps"),
            MemoryLayout.paddingLayout(7),
            ADDRESS.withName("pin_root_path"),
            JAVA_INT.withName("unused_attach_prog_fd"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("kconfig"),
            ADDRESS.withName("btf_custom_path"),
            ADDRESS.withName("kernel_log_buf"),
            JAVA_LONG.withName("kernel_log_size"),
            JAVA_INT.withName("kernel_log_level"),
            MemoryLayout.paddingLayout(4));
    public static final long SZ = offset("sz");
    public static final long OBJECT_NAME = offset("object_name");
    public static final long PIN_ROOT_PATH = offset("pin_root_path");
    public static final long KCONFIG = offset("kconfig");

    private OpenOpts() {
    }

    private static long offset(String field) {
        return LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }

    /**
     * Opens an object from its ELF bytes, copied into {@code arena} (libbpf keeps pointing at them while the object
     * lives, so the arena must outlive it).
     *
     * @return libbpf's {@code struct bpf_object *}, or NULL with errno in {@code state}
     */
    public static MemorySegment openMem(MemorySegment state, byte[] bytes, String objectName,
                                        Optional<String> pinRoot, Arena arena) {
        MemorySegment buf = arena.allocate(Math.max(1, bytes.length), 8);
        MemorySegment.copy(bytes, 0, buf, JAVA_BYTE, 0, bytes.length);
        MemorySegment opts = arena.allocate(LAYOUT);
        opts.set(JAVA_LONG, SZ, LAYOUT.byteSize());
        opts.set(ADDRESS, OBJECT_NAME, arena.allocateFrom(objectName));
        if (pinRoot.isPresent()) {
            opts.set(ADDRESS, PIN_ROOT_PATH, arena.allocateFrom(pinRoot.get()));
        }
        return LibBpf.objectOpenMem(state, buf.asSlice(0, bytes.length), opts);
    }
}
