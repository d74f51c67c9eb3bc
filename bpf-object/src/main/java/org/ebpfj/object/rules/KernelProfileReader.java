package org.ebpfj.object.rules;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfFormatException;
import org.ebpfj.object.btf.BtfKind;
import org.ebpfj.object.btf.BtfReader;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.uapi.MapType;

/**
 * Reads a {@link KernelProfile} from /proc and /sys files under a root directory. Plain file reads only. Every
 * value that cannot be read keeps its default, and the profile's notes say which.
 */
final class KernelProfileReader {

    private static final int TEXT_LIMIT = 1 << 20;
    private static final int CONFIG_LIMIT = 8 << 20;
    private static final int BTF_LIMIT = 64 << 20;
    private static final int SMAPS_LINE_LIMIT = 200_000;
    private static final int MAX_CPU_ID = 1 << 20;
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

    private static final Pattern PAGE_SIZE_LINE = Pattern.compile("^KernelPageSize:\\s+(\\d+)\\s+kB");
    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d+)\\s+kB");
    private static final Pattern NR_CPUS_OPTION = Pattern.compile("(?m)^CONFIG_NR_CPUS=(\\d+)");

    private final Path root;
    private final List<String> notes = new ArrayList<>();

    private KernelProfileReader(Path root) {
        this.root = root;
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

        Optional<String> release = text("proc/sys/kernel/osrelease");
        Optional<KernelVersion> version = release.flatMap(KernelVersion::tryParse);
        version.ifPresentOrElse(b::version, () -> defaulted("kernel version", d.version()));

        OptionalLong page = pageSize();
        if (page.isPresent() && page.getAsLong() > 0 && page.getAsLong() <= (1 << 20)
                && Long.bitCount(page.getAsLong()) == 1) {
            b.pageSize((int) page.getAsLong());
        } else {
            defaulted("page size", d.pageSize());
        }

        maxPageOrder().ifPresentOrElse(b::maxPageOrder, () -> defaulted("MAX_PAGE_ORDER", d.maxPageOrder()));

        text("sys/devices/system/cpu/possible").flatMap(s -> IdList.parse(s, MAX_CPU_ID))
                .ifPresentOrElse(ids -> b.possibleCpus((int) ids.count()),
                        () -> defaulted("possible CPUs", d.possibleCpus()));

        Optional<String> config = config();
        OptionalLong nrCpus = config.flatMap(c -> firstGroup(NR_CPUS_OPTION, c)).map(OptionalLong::of)
                .orElseGet(() -> number("sys/devices/system/cpu/kernel_max").stream().map(n -> n + 1).findFirst());
        if (nrCpus.isPresent() && nrCpus.getAsLong() >= 1 && nrCpus.getAsLong() <= MAX_CPU_ID) {
            b.nrCpus((int) nrCpus.getAsLong());
        } else {
            defaulted("NR_CPUS", d.nrCpus());
        }

        readNodes(b);

        number("proc/sys/kernel/perf_event_max_stack").stream().filter(n -> n >= 0 && n <= Integer.MAX_VALUE)
                .findFirst().ifPresentOrElse(n -> b.perfEventMaxStack((int) n),
                        () -> defaulted("perf_event_max_stack", d.perfEventMaxStack()));

        text("proc/meminfo").flatMap(s -> firstGroup(MEM_TOTAL, s)).filter(kb -> kb < Long.MAX_VALUE / 1024)
                .ifPresentOrElse(kb -> b.totalRamBytes(kb * 1024), () -> defaulted("total RAM", d.totalRamBytes()));

        config.ifPresentOrElse(c -> b.compiledOut(compiledOut(c)),
                () -> notes.add("no proc/config.gz: assuming every map type is built in"));

        structSizes().ifPresentOrElse(b::structs, () -> notes.add("no readable sys/kernel/btf/vmlinux: "
                + "kernel struct sizes are the x86_64 defaults"));

        b.description("read from " + root + release.map(r -> " (" + r.trim() + ")").orElse(""));
        b.notes(notes);
        return b.build();
    }

    private void defaulted(String what, Object value) {
        notes.add(what + " could not be read: using the default " + value);
    }

    private void readNodes(KernelProfile.Builder b) {
        Path nodeDir = root.resolve("sys/devices/system/node");
        if (!Files.isDirectory(nodeDir)) {
            notes.add("no sys/devices/system/node: assuming one NUMA node (CONFIG_NUMA off)");
            b.numaNodes(1);
            return;
        }
        Optional<IdList> possible = text("sys/devices/system/node/possible").flatMap(s -> IdList.parse(s, MAX_NODE_ID));
        Optional<IdList> online = text("sys/devices/system/node/online").flatMap(s -> IdList.parse(s, MAX_NODE_ID));
        if (possible.isEmpty() || online.isEmpty()) {
            defaulted("NUMA nodes", 1);
            b.numaNodes(1);
            return;
        }
        b.numaNodes((int) possible.get().max() + 1, online.get().ids());
    }

    private OptionalLong pageSize() {
        Path smaps = root.resolve("proc/self/smaps");
        if (!Files.isReadable(smaps)) {
            return OptionalLong.empty();
        }
        try (BufferedReader r = Files.newBufferedReader(smaps, StandardCharsets.ISO_8859_1)) {
            String line;
            for (int i = 0; i < SMAPS_LINE_LIMIT && (line = r.readLine()) != null; i++) {
                Matcher m = PAGE_SIZE_LINE.matcher(line);
                if (m.find()) {
                    return parseLong(m.group(1)).stream().filter(kb -> kb < (1 << 20)).map(kb -> kb * 1024)
                            .findFirst();
                }
            }
        } catch (IOException e) {
            notes.add("proc/self/smaps: " + e.getMessage());
        }
        return OptionalLong.empty();
    }

    /** /proc/buddyinfo has one free-block column per page order 0..MAX_PAGE_ORDER. */
    private Optional<Integer> maxPageOrder() {
        return text("proc/buddyinfo").flatMap(s -> s.lines().findFirst()).flatMap(line -> {
            int zone = line.indexOf("zone");
            if (zone < 0) {
                return Optional.empty();
            }
            String[] words = line.substring(zone + 4).trim().split("\\s+");
            int columns = words.length - 1;
            return columns >= 1 && columns <= 64 ? Optional.of(columns - 1) : Optional.<Integer>empty();
        });
    }

    private Optional<String> config() {
        Path p = root.resolve("proc/config.gz");
        if (!Files.isReadable(p)) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return Optional.of(new String(readCapped(in, CONFIG_LIMIT), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            notes.add("proc/config.gz unreadable: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static EnumSet<MapType> compiledOut(String config) {
        EnumSet<MapType> out = EnumSet.noneOf(MapType.class);
        CONFIG_GATED_TYPES.forEach((option, types) -> {
            if (!Pattern.compile("(?m)^" + option + "=[ym]").matcher(config).find()) {
                out.addAll(types);
            }
        });
        return out;
    }

    private Optional<StructSizes> structSizes() {
        Path p = root.resolve("sys/kernel/btf/vmlinux");
        if (!Files.isReadable(p)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(p)) {
            Btf btf = BtfReader.read(readCapped(in, BTF_LIMIT));
            return Optional.of(structSizes(btf));
        } catch (IOException | BtfFormatException e) {
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

    private Optional<String> text(String relative) {
        Path p = root.resolve(relative);
        if (!Files.isReadable(p) || Files.isDirectory(p)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(p)) {
            return Optional.of(new String(readCapped(in, TEXT_LIMIT), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            notes.add(relative + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private OptionalLong number(String relative) {
        return text(relative).map(s -> parseLong(s.trim())).orElse(OptionalLong.empty());
    }

    private static Optional<Long> firstGroup(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        OptionalLong n = parseLong(m.group(1));
        return n.isPresent() ? Optional.of(n.getAsLong()) : Optional.empty();
    }

    private static OptionalLong parseLong(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(s));
    }

    private static byte[] readCapped(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > limit) {
                throw new IOException("larger than " + limit + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** A kernel id list such as {@code 0-3,8,10-11} (cpu and node masks in sysfs). */
    record IdList(TreeSet<Integer> ids, long count, long max) {

        static Optional<IdList> parse(String text, int maxId) {
            String s = text.trim();
            if (s.isEmpty()) {
                return Optional.empty();
            }
            TreeSet<Integer> ids = new TreeSet<>();
            long count = 0;
            long max = -1;
            for (String part : s.split(",")) {
                String[] range = part.split("-", -1);
                if (range.length > 2) {
                    return Optional.empty();
                }
                OptionalLong lo = parseLong(range[0].trim());
                OptionalLong hi = range.length == 2 ? parseLong(range[1].trim()) : lo;
                if (lo.isEmpty() || hi.isEmpty() || lo.getAsLong() > hi.getAsLong() || hi.getAsLong() > maxId) {
                    return Optional.empty();
                }
                count += hi.getAsLong() - lo.getAsLong() + 1;
                max = Math.max(max, hi.getAsLong());
                for (long i = lo.getAsLong(); i <= hi.getAsLong() && ids.size() <= MAX_NODE_ID; i++) {
                    ids.add((int) i);
                }
            }
            return Optional.of(new IdList(ids, count, max));
        }
    }
}
