package org.ebpfj.object.machine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * The facts about a target machine that BPF_MAP_CREATE depends on. Every limit the rules use comes from here, so
 * one rule set predicts for any kernel build: {@link #defaults()} is the probed Linux 6.18 x86_64 machine of the
 * research notes, {@link #readRunning()} reads the running machine from /proc and /sys.
 *
 * @param description        how this profile came to be, for reports
 * @param version            decides which map types and flags exist ({@link UapiHistory})
 * @param pageSize           {@code PAGE_SIZE}
 * @param maxPageOrder       {@code MAX_PAGE_ORDER} (10 unless the arch forces another)
 * @param kmallocMaxSize     {@code KMALLOC_MAX_SIZE}, normally {@code pageSize << maxPageOrder}
 * @param possibleCpus       {@code num_possible_cpus()}
 * @param nrCpus             {@code NR_CPUS} (CPUMAP's max_entries limit)
 * @param nrNodeIds          {@code nr_node_ids}: highest possible NUMA node + 1
 * @param onlineNodes        the online NUMA nodes
 * @param perfEventMaxStack  {@code kernel.perf_event_max_stack} (STACK_TRACE value limit)
 * @param totalRamBytes      total RAM; a map needing more fails with ENOMEM at once
 * @param structs            kernel struct sizes
 * @param compiledOut        map types the kernel config leaves out (they answer EINVAL)
 * @param arenaJit           the JIT supports arena (false answers EOPNOTSUPP for ARENA)
 * @param lruClampedTargetFree LRU free batches are clamp(N/P/2, 1, 128) (6.16+ and some stable releases,
 *                           {@link UapiHistory#LRU_CLAMPED_TARGET_FREE}) rather than 128
 * @param notes              where each value came from when it was read, and which ones are defaults
 */
public record KernelProfile(
        String description,
        KernelVersion version,
        int pageSize,
        int maxPageOrder,
        long kmallocMaxSize,
        int possibleCpus,
        int nrCpus,
        int nrNodeIds,
        Set<Integer> onlineNodes,
        int perfEventMaxStack,
        long totalRamBytes,
        StructSizes structs,
        Set<MapType> compiledOut,
        boolean arenaJit,
        boolean lruClampedTargetFree,
        List<String> notes) {

    /** {@code MAX_BPF_STACK}: the BPF stack size; it limits SOCKHASH keys and local-storage values. */
    public static final int MAX_BPF_STACK = 512;
    /** The known flags per UAPI version: the flag rules ask for them on every map checked. */
    private static final java.util.Map<KernelVersion, Long> KNOWN_FLAGS = new java.util.concurrent.ConcurrentHashMap<>();

    public KernelProfile {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(structs, "structs");
        if (pageSize <= 0 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("page size must be a power of two: " + pageSize);
        }
        if (possibleCpus < 1 || nrCpus < 1 || nrNodeIds < 1 || kmallocMaxSize < pageSize || totalRamBytes < 0) {
            throw new IllegalArgumentException("implausible profile: cpus " + possibleCpus + ", NR_CPUS " + nrCpus
                    + ", nodes " + nrNodeIds + ", KMALLOC_MAX_SIZE " + kmallocMaxSize);
        }
        onlineNodes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(onlineNodes));
        compiledOut = compiledOut.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(compiledOut));
        notes = List.copyOf(notes);
    }

    /** The probed machine of the research notes: Linux 6.18 x86_64, 4 KiB pages, 2 CPUs, 1 node, ~23.5 GiB. */
    public static KernelProfile defaults() {
        return builder().build();
    }

    /** Reads the running machine's /proc and /sys (plain files; no syscalls). Missing files keep the defaults. */
    public static KernelProfile readRunning() throws IOException {
        return readFrom(Path.of("/"));
    }

    /**
     * Reads a machine's facts from a directory laid out like the root file system ({@code proc/...},
     * {@code sys/...}), e.g. a copy taken from the deployment target. Missing or unreadable files keep the default
     * value and say so in {@link #notes()}.
     */
    public static KernelProfile readFrom(Path procAndSysRoot) throws IOException {
        return KernelProfileReader.read(procAndSysRoot);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.description = description;
        b.version = version;
        b.pageSize = pageSize;
        b.maxPageOrder = maxPageOrder;
        // Carry only real overrides, so that a changed page size or version re-derives the rest.
        b.kmallocMaxSize = kmallocMaxSize != ((long) pageSize << maxPageOrder) ? kmallocMaxSize : null;
        b.possibleCpus = possibleCpus;
        b.nrCpus = nrCpus;
        b.nrNodeIds = nrNodeIds;
        b.onlineNodes = new TreeSet<>(onlineNodes);
        b.perfEventMaxStack = perfEventMaxStack;
        b.totalRamBytes = totalRamBytes;
        b.structs = structs;
        b.compiledOut = compiledOut.isEmpty() ? EnumSet.noneOf(MapType.class) : EnumSet.copyOf(compiledOut);
        b.arenaJit = arenaJit;
        b.lruClampedTargetFree = lruClampedTargetFree != UapiHistory.lruClampedTargetFree(version)
                ? lruClampedTargetFree : null;
        b.notes = notes;
        return b;
    }

    /** {@code PCPU_MIN_UNIT_SIZE} = PFN_ALIGN(32 KiB): the largest per-CPU value. */
    public long pcpuMinUnitSize() {
        return roundUp(32 * 1024, pageSize);
    }

    /** {@code BPF_LOCAL_STORAGE_MAX_VALUE_SIZE} = min(KMALLOC_MAX_SIZE − MAX_BPF_STACK − elem, U16_MAX − elem). */
    public long localStorageMaxValueSize() {
        long elem = structs.localStorageElem();
        return Math.min(kmallocMaxSize - MAX_BPF_STACK - elem, 0xFFFF - elem);
    }

    /** The type exists in this kernel: introduced by its version and not configured out. */
    public boolean hasMapType(MapType type) {
        return type != MapType.UNSPEC && version.atLeast(UapiHistory.since(type)) && !compiledOut.contains(type);
    }

    public boolean hasFlag(MapFlag flag) {
        return version.atLeast(UapiHistory.since(flag));
    }

    /** The flag bits this kernel's UAPI defines. */
    public long knownFlags() {
        return KNOWN_FLAGS.computeIfAbsent(version, v -> {
            long mask = 0;
            for (MapFlag f : MapFlag.values()) {
                if (hasFlag(f)) {
                    mask |= f.mask();
                }
            }
            return mask;
        });
    }

    public boolean hasMapExtra() {
        return version.atLeast(UapiHistory.mapExtraSince());
    }

    public boolean nodeOnline(long node) {
        return node >= 0 && node < Integer.MAX_VALUE && onlineNodes.contains((int) node);
    }

    static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    @Override
    public String toString() {
        return description + " (Linux " + version + ", " + pageSize + "-byte pages, " + possibleCpus
                + " possible CPUs, " + nrNodeIds + " NUMA node(s), " + (totalRamBytes >> 20) + " MiB RAM)";
    }

    /** Builds profiles; starts from the defaults, and derives KMALLOC_MAX_SIZE unless it is set. */
    public static final class Builder {
        private String description = "default profile";
        private KernelVersion version = new KernelVersion(6, 18, 0);
        private int pageSize = 4096;
        private int maxPageOrder = 10;
        private Long kmallocMaxSize;
        private int possibleCpus = 2;
        private int nrCpus = 256;
        private int nrNodeIds = 1;
        private TreeSet<Integer> onlineNodes = new TreeSet<>(Set.of(0));
        private int perfEventMaxStack = 127;
        private long totalRamBytes = 24_684_092L * 1024;
        private StructSizes structs = StructSizes.x86_64();
        private EnumSet<MapType> compiledOut = EnumSet.noneOf(MapType.class);
        private boolean arenaJit = true;
        private Boolean lruClampedTargetFree;
        private List<String> notes = List.of();

        private Builder() {
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public Builder version(KernelVersion v) {
            version = v;
            return this;
        }

        public Builder pageSize(int v) {
            pageSize = v;
            return this;
        }

        public Builder maxPageOrder(int v) {
            maxPageOrder = v;
            return this;
        }

        /** Overrides the derived {@code PAGE_SIZE << MAX_PAGE_ORDER}. */
        public Builder kmallocMaxSize(long v) {
            kmallocMaxSize = v;
            return this;
        }

        public Builder possibleCpus(int v) {
            possibleCpus = v;
            return this;
        }

        public Builder nrCpus(int v) {
            nrCpus = v;
            return this;
        }

        /** Sets nr_node_ids and marks nodes 0..n-1 online. */
        public Builder numaNodes(int n) {
            nrNodeIds = n;
            onlineNodes = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                onlineNodes.add(i);
            }
            return this;
        }

        public Builder numaNodes(int nrNodeIds, Set<Integer> online) {
            this.nrNodeIds = nrNodeIds;
            onlineNodes = new TreeSet<>(online);
            return this;
        }

        public Builder perfEventMaxStack(int v) {
            perfEventMaxStack = v;
            return this;
        }

        public Builder totalRamBytes(long v) {
            totalRamBytes = v;
            return this;
        }

        public Builder structs(StructSizes v) {
            structs = v;
            return this;
        }

        public Builder compiledOut(Set<MapType> v) {
            compiledOut = v.isEmpty() ? EnumSet.noneOf(MapType.class) : EnumSet.copyOf(v);
            return this;
        }

        public Builder arenaJit(boolean v) {
            arenaJit = v;
            return this;
        }

        /** Overrides the version-derived LRU batch model. */
        public Builder lruClampedTargetFree(boolean v) {
            lruClampedTargetFree = v;
            return this;
        }

        public Builder notes(List<String> v) {
            notes = List.copyOf(v);
            return this;
        }

        public KernelProfile build() {
            long kmax = kmallocMaxSize != null ? kmallocMaxSize : (long) pageSize << maxPageOrder;
            boolean clamped = lruClampedTargetFree != null ? lruClampedTargetFree
                    : UapiHistory.lruClampedTargetFree(version);
            return new KernelProfile(description, version, pageSize, maxPageOrder, kmax, possibleCpus, nrCpus,
                    nrNodeIds, onlineNodes, perfEventMaxStack, totalRamBytes, structs, compiledOut, arenaJit,
                    clamped, notes);
        }
    }
}
