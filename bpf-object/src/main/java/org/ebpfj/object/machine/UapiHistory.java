package org.ebpfj.object.machine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.ebpfj.object.uapi.ProgramType;

/**
 * The mainline release that introduced each map type, map-create flag and program type (from the UAPI history of
 * {@code include/uapi/linux/bpf.h}). A kernel older than that answers EINVAL: the type is not in
 * {@code bpf_map_types[]} (or {@code bpf_prog_types[]}), the flag is in no type's create mask.
 */
public final class UapiHistory {
    /** What a type this table does not list was introduced in: 0.0, one instance (the rules ask for every map). */
    private static final KernelVersion NONE = KernelVersion.of(0, 0);

    private static final Map<MapType, KernelVersion> TYPES = new EnumMap<>(MapType.class);
    private static final Map<MapFlag, KernelVersion> FLAGS = new EnumMap<>(MapFlag.class);
    private static final Map<ProgramType, KernelVersion> PROGRAMS = new EnumMap<>(ProgramType.class);
    /** The history as data: one line a release and kind of constant. */
    private static final String TABLE = "uapi-history.txt";

    static {
        try (InputStream in = UapiHistory.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the class path");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    add(line.trim().split("\\s+"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(TABLE + " could not be read", e);
        }
    }

    private UapiHistory() {
    }

    /** One line of the table: {@code RELEASE KIND NAME...}. */
    private static void add(String[] words) {
        KernelVersion since = KernelVersion.parse(words[0]);
        for (int i = 2; i < words.length; i++) {
            switch (words[1]) {
                case "map" -> TYPES.put(MapType.valueOf(words[i]), since);
                case "flag" -> FLAGS.put(MapFlag.valueOf(words[i]), since);
                case "program" -> PROGRAMS.put(ProgramType.valueOf(words[i]), since);
                default -> throw new IllegalStateException(TABLE + ": unknown kind '" + words[1] + "'");
            }
        }
    }

    /** The release that introduced the type; UNSPEC was never creatable and reports 0.0. */
    public static KernelVersion since(MapType type) {
        return TYPES.getOrDefault(type, NONE);
    }

    public static KernelVersion since(MapFlag flag) {
        return FLAGS.get(flag);
    }

    /**
     * The release that introduced the program type; UNSPEC reports 0.0. Whether a kernel of that release can load
     * one still depends on its configuration (e.g. LIRC_MODE2 needs {@code CONFIG_BPF_LIRC_MODE2}, LSM programs
     * need "bpf" among the active LSMs to attach).
     */
    public static KernelVersion since(ProgramType type) {
        return PROGRAMS.getOrDefault(type, NONE);
    }

    /** The map_extra attribute (bloom filter hash count) arrived with BLOOM_FILTER. */
    public static KernelVersion mapExtraSince() {
        return since(MapType.BLOOM_FILTER);
    }

    /**
     * LRU maps size their per-CPU free batches as clamp(max_entries / possible CPUs / 2, 1, 128) since commit
     * d4adf1c9ee77 ("bpf: Adjust free target to avoid global starvation of LRU map", first in 6.16); before, every
     * batch was 128. Stable series took it in July 2025, so the point release decides, not the major.minor:
     * <ul>
     *   <li>6.15.7 and 6.6.99: the commit is in the shortlogs of the 6.15.7-rc1 and 6.6.99-rc1 stable reviews
     *       (15 July 2025) and in linux-stable-rc's linux-6.6.y push of that day;</li>
     *   <li>6.12.39: the 6.12.39-rc1 review of the same batch; measured in a guest of Debian's 6.12.118, whose
     *       10-entry LRU keeps 9 of 11 keys on 2 CPUs (clamped; unclamped keeps 1);</li>
     *   <li>not 6.1: the 6.1.146-rc1 review of that batch lacks it, and Debian's 6.1.192 keeps 1 (measured);</li>
     *   <li>not 5.10: Debian's 5.10.262 keeps 1 (measured). 5.15 is unverified and taken not to carry it.</li>
     * </ul>
     */
    public static final StableBackport LRU_CLAMPED_TARGET_FREE = new StableBackport("d4adf1c9ee77",
            "bpf: Adjust free target to avoid global starvation of LRU map", KernelVersion.of(6, 16), List.of(
                    new StableBackport.Series(KernelVersion.parse("6.15.7"), "6.15.7-rc1 stable review shortlog"),
                    new StableBackport.Series(KernelVersion.parse("6.12.39"),
                            "6.12.39-rc1 stable review (same batch); measured clamped on Debian 6.12.118"),
                    new StableBackport.Series(KernelVersion.parse("6.6.99"),
                            "6.6.99-rc1 stable review shortlog, linux-stable-rc linux-6.6.y")));

    /** Whether LRU free batches are clamped on this kernel ({@link #LRU_CLAMPED_TARGET_FREE}). */
    public static boolean lruClampedTargetFree(KernelVersion version) {
        return LRU_CLAMPED_TARGET_FREE.carriedBy(version);
    }
}
