package org.ebpfj.object.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfFormatException;
import org.ebpfj.object.btf.BtfKind;
import org.ebpfj.object.btf.BtfReader;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.uapi.MapType;

/**
 * Turns the facts a {@link Machine} reads into a {@link KernelProfile}. Every value that cannot be read keeps its
 * default, and the profile's notes say which.
 */
final class KernelProfileReader {

    private static final int BTF_LIMIT = 64 << 20;
    private static final int MAX_NODE_ID = 1 << 16;

    /** Kernel config options without which a map type is not built (include/linux/bpf_types.h). */
    private static final Map<String, List<MapType>> CONFIG_GATED_TYPES = Map.of(
            "CONFIG_XDP_SOCKETS", List.of(MapType.XSKMAP),
            "CONFIG_BPF_LSM", List.of(MapType.INODE_STORAGE),
            "CONFIG_CGROUP_BPF", List.of(MapType.CGROUP_STORAGE, MapType.PERCPU_CGROUP_STORAGE),
            "CONFIG_CGROUPS", List.of(MapType.CGROUP_ARRAY, MapType.CGRP_STORAGE),
            "CONFIG_BPF_JIT", List.of(MapType.STRUCT_OPS),
            "CONFIG_PERF_EVENTS", List.of(MapType.STACK_TRACE),
            "CONFIG_INET", List.of(MapType.SOCKMAP, MapType.SOCKHASH, MapType.REUSEPORT_SOCKARRAY),
            "CONFIG_NET", List.of(MapType.DEVMAP, MapType.DEVMAP_HASH, MapType.SK_STORAGE, MapType.CPUMAP));

    private final Path root;
    private final List<String> notes = new ArrayList<>();
    private final Machine machine;

    private KernelProfileReader(Path root) {
        this.root = root;
        this.machine = new Machine(root, notes::add);
    }

    static KernelProfile read(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("not a directory: " + root);
        }
        return new KernelProfileReader(root).read();
    }

    private KernelProfile read() {
        KernelProfile.Builder b = KernelProfile.builder();
        KernelProfile d = KernelProfile.defaults();

        Optional<String> release = machine.release();
        machine.version().ifPresentOrElse(b::version, () -> defaulted("kernel version", d.version()));
        set(machine.pageSize(), b::pageSize, "page size", d.pageSize());
        set(machine.maxPageOrder(), b::maxPageOrder, "MAX_PAGE_ORDER", d.maxPageOrder());
        machine.possibleCpus().ifPresentOrElse(cpus -> b.possibleCpus(cpus.count()),
                () -> defaulted("possible CPUs", d.possibleCpus()));
        OptionalLong nrCpus = machine.nrCpus();
        if (nrCpus.isPresent() && nrCpus.getAsLong() >= 1 && nrCpus.getAsLong() <= CpuList.MAX_ID) {
            b.nrCpus((int) nrCpus.getAsLong());
        } else {
            defaulted("NR_CPUS", d.nrCpus());
        }
        readNodes(b);
        set(machine.perfEventMaxStack(), b::perfEventMaxStack, "perf_event_max_stack", d.perfEventMaxStack());
        OptionalLong ram = machine.totalRamBytes();
        if (ram.isPresent()) {
            b.totalRamBytes(ram.getAsLong());
        } else {
            defaulted("total RAM", d.totalRamBytes());
        }
        machine.kernelConfig().ifPresentOrElse(c -> b.compiledOut(compiledOut()),
                () -> notes.add("no proc/config.gz: assuming every map type is built in"));
        structSizes().ifPresentOrElse(b::structs, () -> notes.add("no readable sys/kernel/btf/vmlinux: "
                + "kernel struct sizes are the x86_64 defaults"));

        b.description("read from " + root + release.map(r -> " (" + r + ")").orElse(""));
        b.notes(notes);
        return b.build();
    }

    private void set(OptionalInt value, java.util.function.IntConsumer setter, String what, int fallback) {
        value.ifPresentOrElse(setter, () -> defaulted(what, fallback));
    }

    private void defaulted(String what, Object value) {
        notes.add(what + " could not be read: using the default " + value);
    }

    private void readNodes(KernelProfile.Builder b) {
        if (!machine.hasNodeDirectory()) {
            notes.add("no sys/devices/system/node: assuming one NUMA node (CONFIG_NUMA off)");
            b.numaNodes(1);
            return;
        }
        Optional<CpuList> possible = machine.possibleNodes().filter(l -> l.highest() < MAX_NODE_ID);
        Optional<CpuList> online = machine.onlineNodes().filter(l -> l.highest() < MAX_NODE_ID);
        if (possible.isEmpty() || online.isEmpty()) {
            defaulted("NUMA nodes", 1);
            b.numaNodes(1);
            return;
        }
        b.numaNodes(possible.get().highest() + 1, online.get().ids());
    }

    private EnumSet<MapType> compiledOut() {
        EnumSet<MapType> out = EnumSet.noneOf(MapType.class);
        CONFIG_GATED_TYPES.forEach((option, types) -> {
            if (!machine.configured(option).orElse(true)) {
                out.addAll(types);
            }
        });
        return out;
    }

    private Optional<StructSizes> structSizes() {
        Optional<byte[]> bytes = machine.kernelBtf(BTF_LIMIT);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(structSizes(BtfReader.read(bytes.get())));
        } catch (BtfFormatException e) {
            notes.add("sys/kernel/btf/vmlinux unreadable: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Struct sizes from a kernel's BTF; a struct it lacks keeps the x86_64 default. */
    static StructSizes structSizes(Btf btf) {
        StructSizes d = StructSizes.x86_64();
        int ringbufMeta = d.ringbufMetaPages();
        Optional<BtfType> ringbuf = btf.find(BtfKind.STRUCT, "bpf_ringbuf");
        if (ringbuf.isPresent() && ringbuf.get() instanceof BtfType.Struct s) {
            // RINGBUF_NR_META_PAGES = (offsetof(consumer_pos) >> PAGE_SHIFT) + 2 position pages; the data
            // starts on the page after them, so it is data's offset in pages.
            for (BtfType.Member m : s.members()) {
                if (m.name().equals("data") && m.byteOffset() > 0 && m.byteOffset() % 4096 == 0) {
                    ringbufMeta = (int) (m.byteOffset() / 4096);
                }
            }
        }
        return new StructSizes(
                size(btf, "htab_elem", d.htabElem()),
                size(btf, "bucket", d.htabBucket()),
                size(btf, "bpf_array", d.bpfArray()),
                size(btf, "lpm_trie_node", d.lpmTrieNode()),
                size(btf, "bpf_local_storage_elem", d.localStorageElem()),
                size(btf, "stack_map_bucket", d.stackMapBucket()),
                size(btf, "bpf_stack_build_id", d.stackBuildId()),
                size(btf, "bpf_shtab_elem", d.shtabElem()),
                size(btf, "bpf_shtab_bucket", d.shtabBucket()),
                size(btf, "bpf_queue_stack", d.mapHeader()),
                ringbufMeta);
    }

    private static int size(Btf btf, String struct, int fallback) {
        return btf.find(BtfKind.STRUCT, struct).map(t -> btf.sizeOf(t.id()))
                .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong)
                .filter(n -> n > 0 && n < (1 << 20)).map(Long::intValue).orElse(fallback);
    }
}
