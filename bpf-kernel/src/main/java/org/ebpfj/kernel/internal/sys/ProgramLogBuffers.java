package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One verifier-log buffer per program of an object, handed to libbpf before {@code bpf_object__load} with
 * {@code bpf_program__set_log_buf}, so that a failed load says <em>which</em> program the kernel refused and with
 * what log, without reading libbpf's messages.
 *
 * <p>Why this keeps libbpf's behaviour (libbpf 1.1, {@code bpf_object_load_prog}): the programs keep log level 0,
 * so the first BPF_PROG_LOAD of every program asks for no log and the buffer is not passed to the kernel at all.
 * Only when a load fails does libbpf retry that one program at log level 1, into the program's own buffer instead
 * of one it allocates; libbpf stops at the first program that fails. So after a failed load, the program whose
 * buffer the kernel wrote is the one it refused. The one difference is that libbpf grows its own buffer on ENOSPC
 * (16 MiB, doubling) but not a caller's: each buffer here is therefore the largest the kernel accepts
 * ({@code UINT_MAX >> 2} bytes, the bound in the kernel's {@code bpf_verifier_log_attr_valid}), reserved as
 * anonymous memory that takes real pages only where the kernel writes. libbpf's largest buffer that the kernel
 * accepts is 63 bytes smaller, so every log libbpf could have read fits here.
 */
@SuppressWarnings("restricted")
public final class ProgramLogBuffers implements AutoCloseable {
    /** The kernel's bound on {@code log_size}. */
    static final long LARGEST = 0xFFFF_FFFFL >>> 2;
    /** libbpf's first size for its own buffer ({@code BPF_LOG_BUF_SIZE}); the floor when address space is short. */
    private static final long SMALLEST = 0xFFFF_FFFFL >>> 8;

    private static final Binding SET_LOG_BUF = LibBpf.fn("bpf_program__set_log_buf", JAVA_INT, ADDRESS, ADDRESS,
            JAVA_LONG);
    private static final Binding MMAP = Binding.libc("mmap", ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT,
            JAVA_INT, JAVA_LONG);
    private static final Binding MUNMAP = Binding.libc("munmap", JAVA_INT, ADDRESS, JAVA_LONG);
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS_NORESERVE = 0x02 | 0x20 | 0x4000;

    private final Map<String, Buffer> buffers = new LinkedHashMap<>();

    private record Buffer(MemorySegment program, MemorySegment memory) {
    }

    private ProgramLogBuffers() {
    }

    /** Gives each program (libbpf's pointers, in libbpf's load order) its own empty buffer. */
    public static ProgramLogBuffers attach(Map<String, MemorySegment> programs) {
        LibBpf.ensureLoaded();
        ProgramLogBuffers logs = new ProgramLogBuffers();
        try {
            for (Map.Entry<String, MemorySegment> p : programs.entrySet()) {
                MemorySegment memory = reserve();
                logs.buffers.put(p.getKey(), new Buffer(p.getValue(), memory));
                int r = setLogBuf(p.getValue(), memory, memory.byteSize());
                if (r < 0) {
                    throw new IllegalStateException("libbpf refused a log buffer for program '" + p.getKey()
                            + "': errno " + -r);
                }
            }
            return logs;
        } catch (RuntimeException e) {
            logs.close();
            throw e;
        }
    }

    /**
     * The program the kernel wrote a log for, and that log: after a failed load, the program the kernel refused.
     * When more than one was written (a program that failed at level 0 and then loaded at level 1), the last in
     * load order is the one that stopped the load. Empty when the kernel wrote no log (the failure was elsewhere,
     * or the kernel refused the program before verifying it).
     */
    public Optional<Map.Entry<String, String>> lastWritten() {
        List<Map.Entry<String, String>> written = new ArrayList<>();
        buffers.forEach((name, b) -> {
            if (b.memory.get(JAVA_BYTE, 0) != 0) {
                written.add(Map.entry(name, b.memory.getString(0)));
            }
        });
        return written.isEmpty() ? Optional.empty() : Optional.of(written.get(written.size() - 1));
    }

    /**
     * Unmaps the buffers. Before a load they are taken back from libbpf first; after one, libbpf refuses that
     * (EBUSY) but never reads a program's log buffer again: only {@code bpf_object_load_prog} uses it.
     */
    @Override
    public void close() {
        for (Buffer b : buffers.values()) {
            setLogBuf(b.program, MemorySegment.NULL, 0);
            unmap(b.memory);
        }
        buffers.clear();
    }

    /** Anonymous, zeroed, not committed: pages exist only once the kernel writes into them. */
    private static MemorySegment reserve() {
        for (long size = LARGEST; size >= SMALLEST; size /= 2) {
            MemorySegment p = MMAP.pointer(MemorySegment.NULL, size, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS_NORESERVE,
                    -1, 0L);
            if (p.address() != -1L) {
                return p.reinterpret(size);
            }
        }
        throw new IllegalStateException("cannot reserve " + SMALLEST + " bytes of address space for a verifier log");
    }

    private static void unmap(MemorySegment memory) {
        MUNMAP.asInt(memory, memory.byteSize());
    }

    private static int setLogBuf(MemorySegment program, MemorySegment buffer, long size) {
        return SET_LOG_BUF.asInt(program, buffer, size);
    }
}
