package org.ebpfj.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.ebpfj.kernel.internal.sys.MapCommands;
import org.ebpfj.kernel.internal.sys.Bpf;
import org.ebpfj.object.machine.KernelVersion;

/** Facts about the running kernel and the calling process that decide what BPF can do here. */
public final class Kernel {
    private static final Path OSRELEASE = Path.of("/proc/sys/kernel/osrelease");
    private static final Path POSSIBLE_CPUS = Path.of("/sys/devices/system/cpu/possible");
    private static final Path ONLINE_CPUS = Path.of("/sys/devices/system/cpu/online");
    private static final Path LOCKDOWN = Path.of("/sys/kernel/security/lockdown");
    private static final Path CONFIG_GZ = Path.of("/proc/config.gz");
    private static final Path UNPRIV_BPF = Path.of("/proc/sys/kernel/unprivileged_bpf_disabled");
    private static final Pattern CAP_EFF = Pattern.compile("(?m)^CapEff:\\s*([0-9a-fA-F]+)$");
    private static final Pattern LOCKDOWN_SELECTED = Pattern.compile("\\[(\\w+)]");

    private static volatile String release;
    private static volatile KernelVersion version;
    private static volatile int possibleCpus;

    private Kernel() {
    }

    /**
     * The running kernel's version, as the offline rules compare versions ({@code major.minor.patch} of
     * {@link #release()}; 0.0 when the release cannot be read).
     */
    public static KernelVersion version() {
        KernelVersion v = version;
        if (v == null) {
            v = KernelVersion.tryParse(release()).orElse(KernelVersion.of(0, 0));
            version = v;
        }
        return v;
    }

    /** The running kernel's full release string ({@code /proc/sys/kernel/osrelease}), e.g. {@code 6.18.44-fc-v782}. */
    public static String release() {
        String r = release;
        if (r == null) {
            r = read(OSRELEASE).orElse("unknown");
            release = r;
        }
        return r;
    }

    /**
     * The number of possible CPUs ({@code /sys/devices/system/cpu/possible}): what per-CPU maps size their values
     * by in user space, and what the LRU free-list batches depend on.
     */
    public static int possibleCpus() {
        int n = possibleCpus;
        if (n == 0) {
            BitSet set = CpuList.parse(read(POSSIBLE_CPUS).orElseThrow(() -> new IllegalStateException(
                    "cannot read " + POSSIBLE_CPUS + ": per-CPU value sizes are unknown")));
            n = set.length();
            possibleCpus = n;
        }
        return n;
    }

    /** The CPUs online now ({@code /sys/devices/system/cpu/online}). */
    public static BitSet onlineCpus() {
        return CpuList.parse(read(ONLINE_CPUS).orElse("0"));
    }

    /** The effective capability mask of the calling thread ({@code CapEff} in {@code /proc/thread-self/status}). */
    public static long effectiveCapabilities() {
        String status = read(Path.of("/proc/thread-self/status")).orElseGet(
                () -> read(Path.of("/proc/self/status")).orElse(""));
        Matcher m = CAP_EFF.matcher(status);
        return m.find() ? Long.parseUnsignedLong(m.group(1), 16) : 0;
    }

    /** {@code kernel.unprivileged_bpf_disabled}: 0 (allowed), 1 or 2 (privileged only); -1 when unreadable. */
    public static int unprivilegedBpfDisabled() {
        return read(UNPRIV_BPF).map(s -> {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }).orElse(-1);
    }

    /**
     * The kernel lockdown mode ({@code none}, {@code integrity}, {@code confidentiality}): from securityfs when it
     * is mounted, else from a forced mode in the kernel configuration ({@code /proc/config.gz}).
     */
    public static Optional<String> lockdown() {
        Optional<String> file = read(LOCKDOWN);
        if (file.isPresent()) {
            Matcher m = LOCKDOWN_SELECTED.matcher(file.get());
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        String config = kernelConfig();
        for (String mode : new String[] {"CONFIDENTIALITY", "INTEGRITY"}) {
            if (config.contains("\nCONFIG_LOCK_DOWN_KERNEL_FORCE_" + mode + "=y")) {
                return Optional.of(mode.toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /** Asks the kernel whether this thread can use bpf(): creates (and closes) a one-element ARRAY. */
    public static Privileges privileges() {
        long caps = effectiveCapabilities();
        var effective = Capability.in(caps);
        int unpriv = unprivilegedBpfDisabled();
        int fd = MapCommands.create(org.ebpfj.object.uapi.MapType.ARRAY.id(), 4, 4, 1, 0, "ebpfj_probe", 0, 0, 0);
        if (fd >= 0) {
            Bpf.close(fd);
            return new Privileges(true, 0, effective, unpriv, "bpf() is usable");
        }
        int errno = -fd;
        String reason;
        if (errno == 1) {
            boolean bpf = effective.contains(Capability.CAP_BPF);
            boolean admin = effective.contains(Capability.CAP_SYS_ADMIN);
            if (!bpf && !admin) {
                reason = "BPF_MAP_CREATE failed with EPERM: the process has neither CAP_BPF nor CAP_SYS_ADMIN"
                        + (unpriv > 0 ? " and kernel.unprivileged_bpf_disabled=" + unpriv
                        + " reserves bpf() for processes with one of them" : "")
                        + " (effective capabilities: " + describeCaps(caps) + ")";
            } else {
                reason = "BPF_MAP_CREATE failed with EPERM although the process has "
                        + (bpf ? "CAP_BPF" : "CAP_SYS_ADMIN") + ": a security module (LSM) or seccomp refused it";
            }
        } else {
            reason = "BPF_MAP_CREATE failed with " + org.ebpfj.object.uapi.Errno.nameOf(errno)
                    + (errno == 38 ? ": the kernel has no bpf() (CONFIG_BPF_SYSCALL unset)" : "");
        }
        return new Privileges(false, errno, effective, unpriv, reason);
    }

    /** Whether the kernel can create maps of this type (a cached probe; see {@link FeatureProbes}). */
    public static boolean supports(org.ebpfj.object.uapi.MapType type) {
        return FeatureProbes.map(type);
    }

    /** Whether the kernel can load programs of this type (a cached probe; see {@link FeatureProbes}). */
    public static boolean supports(org.ebpfj.object.uapi.ProgramType type) {
        return FeatureProbes.program(type);
    }

    static String describeCaps(long caps) {
        if (caps == 0) {
            return "none";
        }
        var known = Capability.in(caps);
        return "0x" + Long.toHexString(caps) + (known.isEmpty() ? "" : ", including " + known);
    }

    private static volatile String config;

    private static String kernelConfig() {
        String c = config;
        if (c == null) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(CONFIG_GZ))) {
                c = "\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException | SecurityException e) {
                c = "";
            }
            config = c;
        }
        return c;
    }

    static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p).trim());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
