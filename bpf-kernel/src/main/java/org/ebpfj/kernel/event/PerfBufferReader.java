package org.ebpfj.kernel.event;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.Kernel;
import org.ebpfj.kernel.error.MapOperationException;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.map.UpdateFlag;
import org.ebpfj.kernel.codec.MapCodec;
import org.ebpfj.kernel.internal.sys.CallState;
import org.ebpfj.kernel.internal.sys.EventSys;
import org.ebpfj.kernel.internal.sys.Libc;
import org.ebpfj.object.uapi.MapType;

/**
 * Reads what a program sends with {@code bpf_perf_event_output} to a {@code BPF_MAP_TYPE_PERF_EVENT_ARRAY}: one
 * perf event ({@code PERF_COUNT_SW_BPF_OUTPUT}) and one memory-mapped ring per online CPU, their fds put into the
 * map at the CPU's index, one epoll set over all of them.
 *
 * <p>Samples ({@code PERF_RECORD_SAMPLE}) go to the handler; when a ring was full the kernel writes a
 * {@code PERF_RECORD_LOST} instead, whose count {@link #lost()} adds up. Closing removes the fds from the map,
 * unmaps the rings and closes every fd. One thread consumes at a time; {@link #close} may come from any thread.
 *
 * @param <T> the decoded event type
 */
public final class PerfBufferReader<T> extends PolledReader<T> {
    /** Data pages per CPU unless asked otherwise (a power of two), as libbpf's examples use. */
    public static final int DEFAULT_PAGES = 8;
    private static final long PAGE = RingBufferReader.PAGE;
    private static final int PERF_TYPE_SOFTWARE = 1;
    private static final int PERF_COUNT_SW_BPF_OUTPUT = 10;
    private static final long PERF_SAMPLE_RAW = 1 << 10;
    private static final long PERF_FLAG_FD_CLOEXEC = 8;
    private static final long PERF_EVENT_IOC_ENABLE = 0x2400;
    private static final long ATTR_SIZE = 128;

    private final RawMap map;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment state = CallState.allocate(arena);
    private final List<PerfRing> rings = new ArrayList<>();
    private final long[] lost = new long[1];

    private PerfBufferReader(RawMap map, EventDecoder<T> decoder, BpfObject owner, int pagesPerCpu) {
        super(map.name(), decoder, poller(map, pagesPerCpu), owner);
        this.map = map;
        BitSet cpus = Kernel.onlineCpus();
        try {
            MemorySegment scratch = arena.allocate(pagesPerCpu * PAGE, 8);
            MemorySegment attr = arena.allocate(ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, PERF_TYPE_SOFTWARE);
            attr.set(JAVA_INT, 4, (int) ATTR_SIZE);
            attr.set(JAVA_LONG, 8, PERF_COUNT_SW_BPF_OUTPUT);
            attr.set(JAVA_LONG, 16, 1); // sample_period: every output is a sample
            attr.set(JAVA_LONG, 24, PERF_SAMPLE_RAW);
            attr.set(JAVA_INT, 48, 1); // wakeup_events: wake epoll on each sample
            for (int cpu = cpus.nextSetBit(0); cpu >= 0; cpu = cpus.nextSetBit(cpu + 1)) {
                if (cpu >= map.maxEntries()) {
                    break;
                }
                openRing(cpu, attr, pagesPerCpu, scratch);
            }
        } catch (RuntimeException e) {
            poller.close(this::release);
            throw e;
        }
    }

    /** Checks the map and the size (before anything is opened) and makes the epoll set for the CPUs' rings. */
    private static Poller poller(RawMap map, int pagesPerCpu) {
        if (map.type().orElse(null) != MapType.PERF_EVENT_ARRAY) {
            throw new IllegalArgumentException("map '" + map.name() + "' is " + map.type().map(Enum::name)
                    .orElse("of an unknown type") + ", not PERF_EVENT_ARRAY"
                    + (map.type().orElse(null) == MapType.RINGBUF ? "; use RingBufferReader" : ""));
        }
        if (pagesPerCpu <= 0 || Integer.bitCount(pagesPerCpu) != 1) {
            throw new IllegalArgumentException("pages per CPU must be a power of two, not " + pagesPerCpu);
        }
        return new Poller(map.name(), Kernel.onlineCpus().cardinality());
    }

    private void openRing(int cpu, MemorySegment attr, int pages, MemorySegment scratch) {
        int fd = EventSys.perfEventOpen(state, attr, -1, cpu, -1, PERF_FLAG_FD_CLOEXEC);
        if (fd < 0) {
            throw new MapOperationException(mapName, "perf_event_open(PERF_COUNT_SW_BPF_OUTPUT, cpu " + cpu + ")",
                    -fd, -fd == 1 || -fd == 13 ? "opening perf events needs CAP_PERFMON (or CAP_SYS_ADMIN)"
                            + " or a lower kernel.perf_event_paranoid" : "");
        }
        MemorySegment mapping = EventSys.mmap(state, fd, (pages + 1) * PAGE,
                EventSys.PROT_READ | EventSys.PROT_WRITE, 0, arena);
        if (mapping.equals(MemorySegment.NULL)) {
            int errno = CallState.errno(state);
            Libc.close(state, fd);
            throw new MapOperationException(mapName, "mmap of the perf ring of cpu " + cpu, errno, "");
        }
        PerfRing ring = new PerfRing(cpu, fd, mapping, PAGE, scratch);
        rings.add(ring);
        int r = EventSys.ioctl(state, fd, PERF_EVENT_IOC_ENABLE, 0);
        if (r < 0) {
            throw new MapOperationException(mapName, "ioctl(PERF_EVENT_IOC_ENABLE)", -r, "");
        }
        map.update(intBytes(cpu), intBytes(fd), UpdateFlag.ANY);
        poller.add(fd, rings.size() - 1);
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    /** A reader of {@code mapName} with {@link #DEFAULT_PAGES} pages per CPU; it closes with its object. */
    public static <T> PerfBufferReader<T> open(BpfObject object, String mapName, Class<T> type) {
        return open(object, mapName, type, DEFAULT_PAGES);
    }

    public static <T> PerfBufferReader<T> open(BpfObject object, String mapName, Class<T> type, int pagesPerCpu) {
        return object.closeWithObject(new PerfBufferReader<>(object.rawMap(mapName),
                EventDecoder.forClass(object, mapName, type), object, pagesPerCpu));
    }

    public static <T> PerfBufferReader<T> open(BpfObject object, String mapName, MapCodec<T> codec,
                                               int pagesPerCpu) {
        return object.closeWithObject(new PerfBufferReader<>(object.rawMap(mapName), EventDecoder.of(codec, mapName),
                object, pagesPerCpu));
    }

    /** The CPUs this reader has a ring for. */
    public List<Integer> cpus() {
        return rings.stream().map(r -> r.cpu).toList();
    }

    /** Samples the kernel could not write because a ring was full ({@code PERF_RECORD_LOST}), seen so far. */
    public long lost() {
        return lost[0];
    }

    /** Bytes written to all rings and not consumed yet. */
    public long pending() {
        poller.enter();
        try {
            long n = 0;
            for (PerfRing r : rings) {
                n += r.pending();
            }
            return n;
        } finally {
            poller.leave();
        }
    }

    /** Samples, CPU by CPU. */
    @Override
    int drain(RecordHandler handler, int max) {
        int n = 0;
        for (int i = 0; i < rings.size() && n < max; i++) {
            n += rings.get(i).drain(handler, max - n, lost);
        }
        return n;
    }

    @Override
    public OptionalLong lostCount() {
        return OptionalLong.of(lost[0]);
    }

    /** Takes the fds out of the map, unmaps the rings and closes their fds. */
    @Override
    void release() {
        MemorySegment own = CallState.allocate(Arena.ofAuto());
        for (PerfRing r : rings) {
            if (!map.isClosed()) {
                map.delete(intBytes(r.cpu));
            }
        }
        arena.close();
        for (PerfRing r : rings) {
            Libc.close(own, r.fd);
        }
    }

    @Override
    public String toString() {
        return "perf buffer reader of map '" + mapName + "' (CPUs " + cpus() + ", " + decoder.name() + ")";
    }
}
