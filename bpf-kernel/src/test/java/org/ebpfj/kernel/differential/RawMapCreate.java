package org.ebpfj.kernel.differential;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import org.ebpfj.kernel.internal.sys.BpfAttr;
import org.ebpfj.kernel.internal.sys.BpfCommand;
import org.ebpfj.kernel.internal.sys.BpfSyscall;
import org.ebpfj.kernel.internal.sys.CallState;
import org.ebpfj.kernel.internal.sys.Libc;
import org.ebpfj.object.spec.MapCreateAttr;

/**
 * BPF_MAP_CREATE with exactly the fields of a {@link MapCreateAttr}, unlike the library's own create path, which
 * adjusts what it sends the way libbpf does (names cut to 15 characters). The name is copied as is, up to the 16
 * bytes of {@code map_name}: a longer name reaches the kernel without its terminating NUL, as the kernel's check
 * expects to see it. Everything after {@code map_extra} (BTF fds, token fd, exclusive program hash) stays zero.
 * One instance per thread.
 */
final class RawMapCreate implements AutoCloseable {
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment attr = arena.allocate(BpfAttr.MAX_SIZE, 8);
    private final MemorySegment state = CallState.allocate(arena);

    /**
     * @param innerMapFd the fd for {@code inner_map_fd}; 0 when the attribute has no inner map
     * @return the new map's fd, or {@code -errno}
     */
    int create(MapCreateAttr a, int innerMapFd) {
        attr.fill((byte) 0);
        attr.set(JAVA_INT, BpfAttr.MapCreate.MAP_TYPE, (int) a.typeId());
        attr.set(JAVA_INT, BpfAttr.MapCreate.KEY_SIZE, (int) a.keySize());
        attr.set(JAVA_INT, BpfAttr.MapCreate.VALUE_SIZE, (int) a.valueSize());
        attr.set(JAVA_INT, BpfAttr.MapCreate.MAX_ENTRIES, (int) a.maxEntries());
        attr.set(JAVA_INT, BpfAttr.MapCreate.MAP_FLAGS, (int) a.flags());
        attr.set(JAVA_INT, BpfAttr.MapCreate.INNER_MAP_FD, innerMapFd);
        attr.set(JAVA_INT, BpfAttr.MapCreate.NUMA_NODE, (int) a.numaNode());
        attr.set(JAVA_LONG, BpfAttr.MapCreate.MAP_EXTRA, a.mapExtra());
        byte[] name = a.name().getBytes(StandardCharsets.ISO_8859_1);
        MemorySegment.copy(name, 0, attr, JAVA_BYTE, BpfAttr.MapCreate.MAP_NAME,
                Math.min(name.length, BpfAttr.MapCreate.NAME_CAPACITY));
        return (int) BpfSyscall.bpf(state, BpfCommand.MAP_CREATE, attr, BpfAttr.MapCreate.SIZE);
    }

    void closeFd(int fd) {
        Libc.close(state, fd);
    }

    @Override
    public void close() {
        arena.close();
    }
}
