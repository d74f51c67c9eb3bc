package org.ebpfj.object.machine;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The one reader of a machine's {@code /proc} and {@code /sys}: kernel release, CPUs, NUMA nodes, page size, memory,
 * kernel configuration, and the calling process's capabilities, lockdown and memlock limit. Plain file reads only,
 * no syscalls, so it works offline on a copy of a target's files ({@link #at}) as well as on the running machine
 * ({@link #running}). Every method answers "unknown" (an empty optional) rather than throwing; the facts that cannot
 * change while the process runs (release, CPUs, configuration) are read once.
 */
public final class Machine {

    private static final Machine RUNNING = new Machine(Path.of("/"), problem -> { });

    private static final int TEXT_LIMIT = 1 << 20;
    private static final int CONFIG_LIMIT = 8 << 20;
    private static final int SMAPS_LINE_LIMIT = 200_000;
    private static final Pattern PAGE_SIZE_LINE = Pattern.compile("^KernelPageSize:\\s+(\\d{1,9})\\s+kB");
    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d{1,15})\\s+kB");
    private static final Pattern CAP_EFF = Pattern.compile("(?m)^CapEff:\\s*([0-9a-fA-F]{1,16})$");
    private static final Pattern LOCKDOWN_SELECTED = Pattern.compile("\\[(\\w+)]");
    /** A three-part version standing alone, as in "Debian 6.1.192-3" (not inside "6.1.0.5" or "x6.1.2"). */
    private static final Pattern POINT_RELEASE = Pattern.compile("(?<![\\w.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,5})(?![\\w.])");
    private static final Pattern MEMLOCK = Pattern.compile("(?m)^Max locked memory\\s+(\\S+)\\s+(\\S+)");

    private final Path root;
    private final Consumer<String> problems;
    private final ReadOnce<Optional<String>> release = new ReadOnce<>(
            () -> text("proc/sys/kernel/osrelease").map(String::trim).filter(s -> !s.isEmpty()));
    private final ReadOnce<Optional<CpuList>> possibleCpus = new ReadOnce<>(
            () -> list("sys/devices/system/cpu/possible"));
    private final ReadOnce<Optional<String>> config = new ReadOnce<>(this::readConfig);

    Machine(Path root, Consumer<String> problems) {
        this.root = root;
        this.problems = problems;
    }

    /** The machine this JVM runs on. */
    public static Machine running() {
        return RUNNING;
    }

    /**
     * A machine described by a directory laid out like a root file system ({@code proc/...}, {@code sys/...}), e.g.
     * a copy taken from a deployment target.
     */
    public static Machine at(Path root) {
        return new Machine(root, problem -> { });
    }

    public Path root() {
        return root;
    }

    /** The kernel release, e.g. {@code 6.18.44-fc-v782} ({@code proc/sys/kernel/osrelease}). */
    public Optional<String> release() {
        return release.get();
    }

    /**
     * The release as a version, when it parses. Distribution kernels often leave the stable point release out of
     * the release string (Debian's {@code 6.1.0-57-amd64} is 6.1.192), and stable backports make it matter
     * ({@link StableBackport}): the build line in {@code proc/version} ("... Debian 6.1.192-3 ...") or Ubuntu's
     * {@code proc/version_signature} gives it, taken only when its major.minor is the release's.
     */
    public Optional<KernelVersion> version() {
        return release().flatMap(KernelVersion::tryParse).map(this::withDistributionPointRelease);
    }

    private KernelVersion withDistributionPointRelease(KernelVersion release) {
        KernelVersion best = release;
        for (String file : new String[] {"proc/version_signature", "proc/version"}) {
            Matcher m = POINT_RELEASE.matcher(text(file).orElse(""));
            while (m.find()) {
                KernelVersion v = new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                if (v.major() == release.major() && v.minor() == release.minor() && v.compareTo(best) > 0) {
                    best = v;
                }
            }
        }
        return best;
    }

    /** The possible CPUs ({@code sys/devices/system/cpu/possible}); their count sizes per-CPU map values. */
    public Optional<CpuList> possibleCpus() {
        return possibleCpus.get();
    }

    /** The CPUs online now ({@code sys/devices/system/cpu/online}). */
    public Optional<CpuList> onlineCpus() {
        return list("sys/devices/system/cpu/online");
    }

    /** {@code CONFIG_NR_CPUS} from the configuration, else {@code cpu/kernel_max + 1}. */
    public OptionalLong nrCpus() {
        Optional<Long> configured = kernelConfig().flatMap(c -> group(Pattern.compile("(?m)^CONFIG_NR_CPUS=(\\d{1,9})"),
                c)).map(Long::parseLong);
        if (configured.isPresent()) {
            return OptionalLong.of(configured.get());
        }
        OptionalLong max = number("sys/devices/system/cpu/kernel_max");
        return max.isPresent() ? OptionalLong.of(max.getAsLong() + 1) : OptionalLong.empty();
    }

    /** Whether the kernel has NUMA nodes in sysfs at all (no {@code sys/devices/system/node}: CONFIG_NUMA off). */
    public boolean hasNodeDirectory() {
        return Files.isDirectory(root.resolve("sys/devices/system/node"));
    }

    public Optional<CpuList> possibleNodes() {
        return list("sys/devices/system/node/possible");
    }

    public Optional<CpuList> onlineNodes() {
        return list("sys/devices/system/node/online");
    }

    /** {@code PAGE_SIZE}, from the kernel page size of this process's mappings ({@code proc/self/smaps}). */
    public OptionalInt pageSize() {
        Path smaps = root.resolve("proc/self/smaps");
        if (!Files.isReadable(smaps)) {
            return OptionalInt.empty();
        }
        try (BufferedReader r = Files.newBufferedReader(smaps, StandardCharsets.ISO_8859_1)) {
            String line;
            for (int i = 0; i < SMAPS_LINE_LIMIT && (line = r.readLine()) != null; i++) {
                Matcher m = PAGE_SIZE_LINE.matcher(line);
                if (m.find()) {
                    long bytes = Long.parseLong(m.group(1)) * 1024;
                    return bytes > 0 && bytes <= (1 << 20) && Long.bitCount(bytes) == 1
                            ? OptionalInt.of((int) bytes) : OptionalInt.empty();
                }
            }
        } catch (IOException e) {
            problems.accept("proc/self/smaps: " + e.getMessage());
        }
        return OptionalInt.empty();
    }

    /** {@code MAX_PAGE_ORDER}: /proc/buddyinfo has one free-block column per page order 0..MAX_PAGE_ORDER. */
    public OptionalInt maxPageOrder() {
        Optional<String> line = text("proc/buddyinfo").flatMap(s -> s.lines().findFirst());
        int zone = line.map(l -> l.indexOf("zone")).orElse(-1);
        if (zone < 0) {
            return OptionalInt.empty();
        }
        int columns = line.get().substring(zone + 4).trim().split("\\s+").length - 1;
        return columns >= 1 && columns <= 64 ? OptionalInt.of(columns - 1) : OptionalInt.empty();
    }

    /** Total RAM in bytes ({@code MemTotal} of {@code proc/meminfo}). */
    public OptionalLong totalRamBytes() {
        return text("proc/meminfo").flatMap(s -> group(MEM_TOTAL, s)).map(Long::parseLong)
                .map(kb -> OptionalLong.of(kb * 1024)).orElse(OptionalLong.empty());
    }

    /** {@code kernel.perf_event_max_stack}. */
    public OptionalInt perfEventMaxStack() {
        OptionalLong n = number("proc/sys/kernel/perf_event_max_stack");
        return n.isPresent() && n.getAsLong() <= Integer.MAX_VALUE ? OptionalInt.of((int) n.getAsLong())
                : OptionalInt.empty();
    }

    /** The kernel configuration ({@code proc/config.gz}), when the kernel exposes it. */
    public Optional<String> kernelConfig() {
        return config.get();
    }

    /** Whether the configuration sets {@code option} to {@code y} or {@code m}; empty without a configuration. */
    public Optional<Boolean> configured(String option) {
        return kernelConfig().map(c -> Pattern.compile("(?m)^" + Pattern.quote(option) + "=[ym]").matcher(c).find());
    }

    /** The effective capability mask of the calling thread ({@code CapEff} of {@code proc/thread-self/status}). */
    public OptionalLong effectiveCapabilities() {
        Optional<String> status = text("proc/thread-self/status").or(() -> text("proc/self/status"));
        return status.flatMap(s -> group(CAP_EFF, s)).map(hex -> OptionalLong.of(Long.parseUnsignedLong(hex, 16)))
                .orElse(OptionalLong.empty());
    }

    /** {@code kernel.unprivileged_bpf_disabled}: 0 (allowed), 1 or 2 (privileged only). */
    public OptionalInt unprivilegedBpfDisabled() {
        OptionalLong n = number("proc/sys/kernel/unprivileged_bpf_disabled");
        return n.isPresent() && n.getAsLong() <= 2 ? OptionalInt.of((int) n.getAsLong()) : OptionalInt.empty();
    }

    /**
     * The lockdown mode ({@code none}, {@code integrity}, {@code confidentiality}): from securityfs when it is
     * mounted, else a mode the configuration forces.
     */
    public Optional<String> lockdown() {
        Optional<String> selected = text("sys/kernel/security/lockdown").flatMap(s -> group(LOCKDOWN_SELECTED, s));
        if (selected.isPresent()) {
            return selected;
        }
        for (String mode : new String[] {"CONFIDENTIALITY", "INTEGRITY"}) {
            if (configured("CONFIG_LOCK_DOWN_KERNEL_FORCE_" + mode).orElse(false)) {
                return Optional.of(mode.toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /**
     * The calling process's soft {@code RLIMIT_MEMLOCK} in bytes ({@code proc/self/limits}), {@link Long#MAX_VALUE}
     * when unlimited. Kernels before 5.11 charge BPF maps against it.
     */
    public OptionalLong memlockLimit() {
        Optional<String> soft = text("proc/self/limits").flatMap(s -> group(MEMLOCK, s));
        if (soft.isEmpty()) {
            return OptionalLong.empty();
        }
        return soft.get().equals("unlimited") ? OptionalLong.of(Long.MAX_VALUE) : parse(soft.get());
    }

    /** Whether the kernel has a perf event source (PMU) of this name ({@code sys/bus/event_source/devices/NAME}). */
    public boolean hasEventSource(String name) {
        return Files.exists(root.resolve("sys/bus/event_source/devices").resolve(name));
    }

    /** The kernel's own BTF ({@code sys/kernel/btf/vmlinux}), at most {@code limit} bytes. */
    public Optional<byte[]> kernelBtf(int limit) {
        return bytes("sys/kernel/btf/vmlinux", limit);
    }

    /** The profile the offline rules predict with, read from this machine's files. */
    public KernelProfile profile() throws IOException {
        return KernelProfile.readFrom(root);
    }

    Optional<String> text(String relative) {
        return bytes(relative, TEXT_LIMIT).map(b -> new String(b, StandardCharsets.ISO_8859_1));
    }

    OptionalLong number(String relative) {
        return text(relative).map(s -> parse(s.trim())).orElse(OptionalLong.empty());
    }

    private Optional<CpuList> list(String relative) {
        return text(relative).flatMap(CpuList::tryParse);
    }

    private Optional<byte[]> bytes(String relative, int limit) {
        Path p = root.resolve(relative);
        if (!Files.isReadable(p) || Files.isDirectory(p)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(p)) {
            return Optional.of(readCapped(in, limit));
        } catch (IOException | SecurityException e) {
            problems.accept(relative + " unreadable: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> readConfig() {
        Path p = root.resolve("proc/config.gz");
        if (!Files.isReadable(p)) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return Optional.of(new String(readCapped(in, CONFIG_LIMIT), StandardCharsets.ISO_8859_1));
        } catch (IOException | SecurityException e) {
            problems.accept("proc/config.gz unreadable: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static OptionalLong parse(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
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

    @Override
    public String toString() {
        return "machine at " + root + release().map(r -> " (" + r + ")").orElse("");
    }
}
